# bench-kpi.jq — the per-agent figures of `cs-kpi -g agent` (FRT p50 and
# p90 in seconds, CSAT mean) as a jq program, the peer cs-kpi is timed
# against by scripts/bench.  Run: jq -n -c -f scripts/bench-kpi.jq FILE
#
# Definitions (cs-kpi(1), DEFINITIONS), for input sorted by ts as
# exports and gen-chatlog are:
#   - a conversation starts at its first customer message, or at its
#     `status: open` when that comes first;
#   - its FRT is start → its first `role: agent` message at or after the
#     start, credited to that message's agent (bots do not count);
#   - a conversation and its ratings belong to the group of the agent of its
#     first response (null when it was never answered); a rating with no
#     conversation goes by its own `agent`;
#   - percentiles interpolate linearly between closest ranks (R type 7);
#   - CSAT is the mean score of the ratings.
# Times: RFC 3339 UTC with Z (what fromdateiso8601 reads), or epoch seconds.
# Output: one object per agent, in agent order (null first), no total.

def secs: if type == "number" then . else sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601 end;

def pct($p):
  sort as $x | ($x | length) as $n
  | if $n == 0 then null
    else (($n - 1) * $p) as $h | ($h | floor) as $lo
    | if $lo + 1 < $n then $x[$lo] + ($h - $lo) * ($x[$lo + 1] - $x[$lo])
      else $x[$lo] end
    end;

# jq 1.6 copies an object on update whenever a second reference to it is
# alive: setpath on a nested map takes one (so the accumulator is flat, one
# key per conversation), and so does a pending `//` (its backtracking point
# keeps the input), so there is none inside the reduce.  Ratings are a sum
# and a count.  A rating with no conversation is kept under "\u0000" + its
# agent.
def add_rating($k; $score):
  if .[$k].n == null then setpath([$k, "n"]; 1) | setpath([$k, "sum"]; $score)
  else setpath([$k, "n"]; .[$k].n + 1) | setpath([$k, "sum"]; .[$k].sum + $score)
  end;

reduce inputs as $e ({};
  $e.conversation as $c
  | (if $e.type == null then "message" else $e.type end) as $t
  | if $t == "rating" and ($e.score | type) == "number" then
      if $c == null then
        ("\u0000" + (if $e.agent == null then "" else $e.agent end)) as $k
        | setpath([$k, "agent"]; $e.agent) | add_rating($k; $e.score)
      else add_rating($c; $e.score) end
    elif $c == null then .
    elif ($t == "message" and $e.role == "customer")
      or ($t == "status" and $e.status == "open") then
      if .[$c].start == null then setpath([$c, "start"]; $e.ts | secs)
      else . end
    elif $t == "message" and $e.role == "agent" then
      if .[$c].start != null and .[$c].frt == null then
        setpath([$c, "frt"]; ($e.ts | secs) - .[$c].start)
        | setpath([$c, "agent"]; $e.agent)
      else . end
    else . end)
| [.[]] | group_by(.agent)[]
| {agent: .[0].agent,
   frt_p50: ([.[].frt | select(. != null)] | pct(0.5)),
   frt_p90: ([.[].frt | select(. != null)] | pct(0.9)),
   csat: ((map(.n // 0) | add) as $n
          | if $n == 0 then null else (map(.sum // 0) | add) / $n end)}
