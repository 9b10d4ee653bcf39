# hostile.sh — sourced by the tests/bad/hostile-*/ cases: run every tool on
# one input and report what matters when the input is hostile.
#
# each_tool FILE [OPTION...] runs cs-import, cs-classify, cs-reply,
# cs-tzsched and cs-kpi on FILE (with the options) and prints for each:
#   == TOOL: status N          its exit status (a signal would show as 128+N)
#   TOOL: FILE:LINE: reason    its diagnostics, as written to stderr
#   out: 1 2 E 4               the filters: the "n" field of every output
#                              line in order, E for an `_error` event;
#   out: conversations=…       cs-kpi: the figures of its total row that
#                              count what was read
#   PARTIAL LINE / NOT JSON    when the output ends without a newline, or a
#                              line is not one JSON object (never expected)
# so a case shows at a glance that every good line came out, once, in order.

each_tool() {
	f=$1
	shift
	echo "## $f${*:+ $*}"
	for t in cs-import cs-classify cs-reply cs-tzsched cs-kpi; do
		"$t" "$@" "$f" >"$TMP/$t.out" 2>"$TMP/$t.err"
		echo "== $t: status $?"
		cut -c1-200 "$TMP/$t.err"
		report_output "$t" "$TMP/$t.out"
	done
}

# report_output TOOL FILE: the out: line for one tool's output.
report_output() {
	if [ -s "$2" ] && [ "$(tail -c 1 "$2" | od -An -tx1 | tr -d ' ')" != 0a ]; then
		echo "PARTIAL LINE"
	fi
	if ! jq -e 'type == "object"' "$2" >/dev/null 2>&1 && [ -s "$2" ]; then
		echo "NOT JSON"
		return
	fi
	if [ "$1" = cs-kpi ]; then
		jq -r 'select(.total) | "out: conversations=\(.conversations) messages=\(.messages) rejected=\(.rejected)"' "$2"
	else
		printf 'out:'
		jq -r 'if ._error then "E" else (.n | tostring) end' "$2" | tr '\n' ' ' | sed 's/ $//; s/^/ /'
		echo
	fi
}

# event N [TEXT [MEMBERS]]: good event line N of conversation c1 (the
# customer and the agent take turns, a minute apart); TEXT (bytes, put
# between the quotes as they are) replaces the text, MEMBERS are added.
event() {
	if [ $(($1 % 2)) = 1 ]; then r=customer; else r=agent; fi
	printf '{"n":%d,"conversation":"c1","ts":"2026-11-20T03:%02d:00Z","role":"%s","agent":"li","country":"DE","text":"%s"%s}\n' \
	    "$1" "$1" "$r" "${2:-where is my parcel?}" "${3:+,$3}"
}
