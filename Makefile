# cskit — build, test and install.
#
#   make              build every tool (build/bin) against build/libcskit.a
#   make demo         install missing packages, build, run the main pipeline
#                     and write the sample report (build/demo/report.html)
#   make screenshot   doc/report.png, the sample report as Chromium shows it
#   make check        every test, then again under ASan+UBSan
#   make install      PREFIX=/usr/local DESTDIR=
#   make uninstall    the same PREFIX and DESTDIR: removes what install put
#
# Everything is found by wildcard: a new lib/*.c joins the library, a new
# cmd/cs-NAME/ directory becomes a tool, a new tests/unit/test_*.c becomes a
# unit test, a new tests/golden/TOOL/CASE/ directory a golden test.  O= puts
# the build elsewhere (two builds at once, or the sanitizer build).

O        ?= build
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
VERSION  := 0.1.0

PKG_CONFIG ?= pkg-config
DEP_PKGS   := libcjson libutf8proc
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEP_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(DEP_PKGS) 2>/dev/null || echo -lcjson -lutf8proc)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

OPT      ?= -O2
WARN     := -Wall -Wextra -Werror
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(SAN_FLAGS) -pthread -D_POSIX_C_SOURCE=200809L \
             -D_DEFAULT_SOURCE -DCSKIT_VERSION='"$(VERSION)"' \
             -DCSKIT_PREFIX='"$(PREFIX)"' -Ilib $(PKG_CFLAGS)
LIBS     := $(PKG_LIBS) -lcsv -lm -pthread

ifeq ($(SAN),1)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif

LIB_SRC  := $(wildcard lib/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(O)/%.o)
LIB_A    := $(O)/libcskit.a
TOOLS    := $(notdir $(wildcard cmd/cs-*))
BINS     := $(TOOLS:%=$(O)/bin/%)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNITS    := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
HELPERS_SRC := $(wildcard scripts/*.c)
HELPERS  := $(HELPERS_SRC:scripts/%.c=$(O)/bin/%)

.PHONY: all demo check check-run unit golden bad install uninstall clean bench fuzz \
	fuzz-smoke screenshot
all: $(BINS) $(HELPERS)

$(O)/lib/%.o: lib/%.c $(wildcard lib/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# A helper program of scripts/ (generator, benchmark floor) is one .c file.
$(O)/bin/%: scripts/%.c $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_A) $(LIBS)

# A tool is every .c file in its cmd/ directory, linked against the library.
.SECONDEXPANSION:
$(O)/bin/%: $$(wildcard cmd/$$*/*.c) $$(wildcard cmd/$$*/*.h) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.c,$^) $(LIB_A) $(LIBS)

$(O)/tests/%: tests/unit/%.c tests/unit/unit.h $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(LIB_A) $(LIBS) $(CMOCKA_LIBS)

demo:
	@scripts/install-deps
	@$(MAKE) --no-print-directory all
	@scripts/demo $(O)

# The README's picture: the sample report's first screen in headless
# Chromium (scripts/page-check), regenerated when the report changes.
screenshot: all
	@scripts/sample-report $(O) $(O)/demo/report.html
	@$(O)/bin/page-check -w 1000 -H 1500 -s doc/report.png \
	    $(O)/demo/report.html
	@echo "doc/report.png: the sample report as a browser shows it"

# check: the plain build, then the same suite built with the sanitizers.
check:
	@$(MAKE) --no-print-directory check-run
	@$(MAKE) --no-print-directory O=$(O)/san SAN=1 OPT=-O1 check-run
	@if scripts/fuzz --probe $(FUZZ_CC); then \
	    $(MAKE) --no-print-directory fuzz-smoke; \
	else echo "check: fuzz-smoke skipped: no $(FUZZ_CC) with libFuzzer (scripts/install-deps --fuzz)"; fi

check-run: all $(UNITS)
	@scripts/run-tests $(O)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man7 \
	    $(DESTDIR)$(PREFIX)/share/cskit
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin
	for m in man/*.[157]; do s=$${m##*.}; \
	    install -m 644 $$m $(DESTDIR)$(PREFIX)/share/man/man$$s || exit 1; done
	cp -R share/cskit/. $(DESTDIR)$(PREFIX)/share/cskit/
	cp -R share/sample $(DESTDIR)$(PREFIX)/share/cskit/

# Every file install put there, and the directories it made if now empty.
MANS := $(notdir $(wildcard man/*.[157]))
uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(PREFIX)/bin/$$t; done
	for m in $(MANS); do s=$${m##*.}; \
	    rm -f $(DESTDIR)$(PREFIX)/share/man/man$$s/$$m; done
	rm -rf $(DESTDIR)$(PREFIX)/share/cskit
	-rmdir $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
	    $(DESTDIR)$(PREFIX)/share/man/man7 $(DESTDIR)$(PREFIX)/share/man \
	    $(DESTDIR)$(PREFIX)/share $(DESTDIR)$(PREFIX)/bin 2>/dev/null

bench: all
	@scripts/bench $(O)

clean:
	rm -rf $(O)

# Fuzzing (clang with libFuzzer: scripts/install-deps --fuzz).  The library
# and the harnesses of tests/fuzz/ are built in $(O)/fuzz with ASan+UBSan;
# `make fuzz` runs each harness FUZZ_TIME seconds, fuzz-smoke a few.
FUZZ_CC   ?= clang
FUZZ_TIME ?= 600
FUZZ_HARNESSES := $(notdir $(basename $(wildcard tests/fuzz/*.c)))

.PHONY: fuzz-build check-valgrind hostile-full
fuzz-build:
	@$(MAKE) --no-print-directory O=$(O)/fuzz CC=$(FUZZ_CC) OPT=-O1 \
	    SAN_FLAGS='-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all' \
	    $(FUZZ_HARNESSES:%=$(O)/fuzz/fuzz/%)

$(O)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB_A) $(LIBS)

fuzz: fuzz-build
	@scripts/fuzz $(O) $(FUZZ_TIME)

fuzz-smoke: fuzz-build
	@scripts/fuzz $(O) 5

# The suite with every tool and unit test under valgrind (slow: minutes).
check-valgrind: all $(UNITS)
	@scripts/check-valgrind $(O)

# The suite with the hostile cases at full size (50 MB lines, a 2 GB file).
hostile-full: all $(UNITS)
	@CSKIT_HOSTILE_FULL=1 scripts/run-tests $(O)

# The language-identification measurement (tests/langid/measure.c): our
# detector beside the one it replaced, CLD2 and libexttextcat, on the
# development set and whatever training corpus is there.  Needs libcld2-dev
# and libexttextcat-dev (scripts/install-deps --langid).  Run by hand.
LANGID_MEASURE := $(O)/langid/measure
LANGID_DATA    ?= tests/data/langid/*.tsv
.PHONY: langid-measure
$(O)/langid/cld2shim.o: tests/langid/cld2shim.cc tests/langid/cld2shim.h
	@mkdir -p $(@D)
	$(CXX) -O2 -g -Wall -Wextra -Werror -c -o $@ $<
$(LANGID_MEASURE): tests/langid/measure.c tests/langid/old_langid.c \
    tests/langid/old_langid.h $(O)/langid/cld2shim.o $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/langid \
	    $(shell $(PKG_CONFIG) --cflags libexttextcat 2>/dev/null) -o $@ \
	    tests/langid/measure.c tests/langid/old_langid.c \
	    $(O)/langid/cld2shim.o $(LIB_A) $(LIBS) -lcld2 \
	    $(shell $(PKG_CONFIG) --libs libexttextcat 2>/dev/null || echo -lexttextcat-2.0) \
	    -lstdc++
langid-measure: $(LANGID_MEASURE)
	$(LANGID_MEASURE) $(LANGID_DATA)

# The classifier measured on the written corpus (tests/classify/measure.c):
# trained on nine tenths of share/cskit/training/corpus, measured on the
# tenth whose text hash is 0 modulo 10.  Run by hand; MEASURE_ARGS adds
# options (-g, -H, -x FILE...).
CLASSIFY_MEASURE := $(O)/classify/measure
CORPUS_DATA      ?= share/cskit/training/corpus/*.tsv
.PHONY: classify-measure
$(CLASSIFY_MEASURE): tests/classify/measure.c $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tests/classify/measure.c $(LIB_A) $(LIBS)
classify-measure: $(CLASSIFY_MEASURE)
	CSKIT_SHARE=share/cskit $(CLASSIFY_MEASURE) $(MEASURE_ARGS) $(CORPUS_DATA)

# The built-in model measured on a held-out set (scripts/measure-heldout):
# every row classified, nothing trained; HELDOUT names the set.
HELDOUT ?= tests/heldout/v2
.PHONY: heldout-measure
heldout-measure: $(CLASSIFY_MEASURE)
	O=$(O) scripts/measure-heldout $(HELDOUT)
