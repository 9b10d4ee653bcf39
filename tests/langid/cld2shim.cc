// The C shim over CLD2's C++ API: see cld2shim.h.
#include <cstdio>	// compact_lang_det.h uses FILE without including it
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "cld2shim.h"

extern "C" int
cld2_detect(const char *text, size_t len, const char *tld, const char *lang,
    int best_effort, struct cld2_answer *a)
{
	CLD2::CLDHints hints = { nullptr, tld, CLD2::UNKNOWN_ENCODING,
	    lang ? CLD2::GetLanguageFromName(lang) : CLD2::UNKNOWN_LANGUAGE };
	CLD2::Language l3[3];
	int pct[3], text_bytes, valid;
	double norm[3];
	bool reliable;

	CLD2::Language l = CLD2::ExtDetectLanguageSummaryCheckUTF8(text,
	    (int)len, true, &hints,
	    best_effort ? CLD2::kCLDFlagBestEffort : 0, l3, pct, norm,
	    nullptr, &text_bytes, &reliable, &valid);
	std::strncpy(a->tag, CLD2::LanguageCode(l), sizeof(a->tag) - 1);
	a->tag[sizeof(a->tag) - 1] = '\0';
	a->reliable = reliable;
	a->percent = pct[0];
	return valid < (int)len ? -1 : 0;
}
