/*
 * threadtime — a measuring aid for `make bench`, preloaded into a tool
 * (LD_PRELOAD) to tell what its threads cost: each thread's CPU time when
 * it ends, and the calling thread's CPU time at each pthread_create and
 * pthread_join, written at exit to the file named by $THREADTIME_OUT as
 * lines "KIND WALL CPU START" (KIND: C create, J join, T a thread's end
 * with START its first instant, M the process's end; seconds).
 * scripts/bench turns them into the time the run would take on two cores
 * that nothing else uses, which a shared machine's wall clock cannot show.
 *
 * Not part of cskit: an interposer can only keep what it records in
 * process-wide storage, so this file holds the one table it fills.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_RECORDS 65536

struct record {
	char	 kind;
	double	 wall, cpu, start;
};

struct start {
	void	*(*fn)(void *);
	void	*arg;
};

static struct {
	pthread_mutex_t	 lock;
	int		 n;
	struct record	 v[MAX_RECORDS];
} table = { PTHREAD_MUTEX_INITIALIZER, 0, { { 0, 0, 0, 0 } } };

static double
seconds(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void
note(char kind, double start)
{
	struct record r = { kind, seconds(CLOCK_MONOTONIC),
	    seconds(CLOCK_THREAD_CPUTIME_ID), start };

	pthread_mutex_lock(&table.lock);
	if (table.n < MAX_RECORDS)
		table.v[table.n++] = r;
	pthread_mutex_unlock(&table.lock);
}

static void *
run(void *p)
{
	struct start s = *(struct start *)p;
	double start = seconds(CLOCK_MONOTONIC);
	void *ret;

	free(p);
	ret = s.fn(s.arg);
	note('T', start);
	return ret;
}

int
pthread_create(pthread_t *tid, const pthread_attr_t *attr,
    void *(*fn)(void *), void *arg)
{
	int (*real)(pthread_t *, const pthread_attr_t *, void *(*)(void *),
	    void *);
	struct start *s = malloc(sizeof *s);

	*(void **)&real = dlsym(RTLD_NEXT, "pthread_create");
	if (s == NULL || real == NULL)
		abort();
	s->fn = fn;
	s->arg = arg;
	note('C', 0);
	return real(tid, attr, run, s);
}

int
pthread_join(pthread_t tid, void **ret)
{
	int (*real)(pthread_t, void **);
	int rc;

	*(void **)&real = dlsym(RTLD_NEXT, "pthread_join");
	if (real == NULL)
		abort();
	rc = real(tid, ret);
	note('J', 0);
	return rc;
}

__attribute__((destructor)) static void
write_table(void)
{
	const char *name = getenv("THREADTIME_OUT");
	FILE *f;

	note('M', 0);
	if (name == NULL || (f = fopen(name, "w")) == NULL)
		return;
	for (int i = 0; i < table.n; i++)
		fprintf(f, "%c %.6f %.6f %.6f\n", table.v[i].kind,
		    table.v[i].wall, table.v[i].cpu, table.v[i].start);
	fclose(f);
}
