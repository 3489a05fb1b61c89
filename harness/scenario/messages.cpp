#include "messages.h"

#include <cstdio>

namespace vssfault::scenario::msg {
namespace {

std::string s(std::string_view v) { return std::string(v); }

std::string suggestion_or_list(const std::vector<std::string_view>& suggestions,
                               const std::vector<std::string_view>& valid) {
  if (!suggestions.empty()) return "; did you mean " + quoted_alternatives(suggestions) + "?";
  if (valid.empty()) return "";
  return " (expected one of: " + comma_list(valid) + ")";
}

}  // namespace

std::string quoted_alternatives(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on "'" + std::string + "'".
    out += '\'';
    out += words[i];
    out += '\'';
  }
  return out;
}

std::string comma_list(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ", ";
    out += words[i];
  }
  return out;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++chars) {
    if (chars == max_chars) return out + "...";
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = len != 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 > 0x9F);  // overlong, surrogate
    } else if (ok && len == 4) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 > 0x8F);  // overlong, past U+10FFFF
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string name_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kListedNames; ++i) {
    if (i > 0) out += ", ";
    out += excerpt(names[i]);
  }
  if (names.size() > kListedNames) out += " and " + std::to_string(names.size() - kListedNames) + " more";
  return out;
}

std::string cannot_read(std::string_view reason) { return "cannot read the file: " + s(reason); }
std::string nul_byte() { return "the file contains a NUL byte; a scenario file is UTF-8 text"; }
std::string not_utf8(unsigned char byte) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", byte);
  return "the file is not valid UTF-8 (byte " + s(hex) + " here); save it as UTF-8";
}
std::string escape_not_text(std::string_view what, unsigned char byte) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", byte);
  return s(what) + ": an escape in this string gives the byte " + s(hex) +
         ", which is not UTF-8 text (yaml-cpp turns \\_ \\N \\L \\P into single bytes, \\0 into NUL); "
         "write the character itself or use \\u followed by its four hex digits";
}
std::string yaml_syntax(std::string_view what) { return "YAML syntax error: " + excerpt(what, 4 * kExcerptChars); }
std::string unexpected_token(std::string_view token) {
  return "YAML syntax error: unexpected '" + excerpt(token) + "'" +
         (token == "," ? " (outside [ ] and { }, a ',' starting a value must be quoted)" : "");
}
std::string too_deep() { return "YAML nesting is too deep (more than 500 levels)"; }
std::string second_document() {
  return "a scenario file holds one YAML document, found a second one here";
}
std::string unterminated_quote() {
  return "unterminated quoted string: no closing quote before the end of the file";
}

std::string file_too_large(std::uint64_t size, std::uint64_t limit) {
  return "the file is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(limit) +
         " (raise it with --max-file-size)";
}
std::string not_regular_file(std::string_view kind) {
  return "cannot read the file: it is " + s(kind) + ", not a regular file";
}
std::string too_many_nodes(std::uint64_t limit) {
  return "more than " + std::to_string(limit) +
         " YAML nodes, counting an aliased node at every use (raise the limit with --max-nodes)";
}
std::string expands_too_much(std::uint64_t limit) {
  return "aliases and defaults expand the scenario past " + std::to_string(limit) +
         " bytes of text, the file size limit (raise it with --max-file-size)";
}
std::string nested_too_deep(std::uint64_t limit) {
  return "nesting deeper than the limit of " + std::to_string(limit) + " levels (raise it with --max-depth)";
}
std::string too_many_items(std::string_view what, bool map, std::uint64_t count, std::uint64_t limit) {
  return (what.empty() ? "" : excerpt(what) + ": ") + (map ? "a map of " : "a list of ") + std::to_string(count) +
         (map ? " entries" : " items") + ", more than the limit of " + std::to_string(limit) +
         " (raise it with --max-items)";
}
std::string too_many_errors(std::uint64_t limit) {
  return "too many errors (more than " + std::to_string(limit) + "); stopping here (raise the limit with --max-errors)";
}

std::string expected_found(std::string_view what, std::string_view expected, std::string_view found) {
  return s(what) + ": expected " + s(expected) + ", found " + s(found);
}
std::string expected_string(std::string_view what, std::string_view found, std::string_view raw) {
  return s(what) + ": expected a string, found " + s(found) + " (write \"" + excerpt(raw) + "\" to make it a string)";
}
std::string missing_key(std::string_view what, std::string_view key) {
  return s(what) + ": missing required key '" + s(key) + "'";
}
std::string unknown_key(std::string_view key, std::string_view what, const std::vector<std::string_view>& suggestions,
                        const std::vector<std::string_view>& valid) {
  return "unknown key '" + excerpt(key) + "' in " + s(what) + suggestion_or_list(suggestions, valid);
}
std::string inapplicable_key(std::string_view key, std::string_view reason) {
  return "key '" + s(key) + "' does not apply " + s(reason);
}
std::string duplicate_key(std::string_view key, std::string_view what, int line, int column) {
  return "duplicate key '" + excerpt(key) + "' in " + s(what) + " (first given at line " + std::to_string(line) +
         ", column " + std::to_string(column) + ")";
}
std::string key_not_scalar(std::string_view what, std::string_view found) {
  return s(what) + ": expected a key name, found " + s(found);
}
std::string unknown_word(std::string_view what, std::string_view word, const std::vector<std::string_view>& suggestions,
                         const std::vector<std::string_view>& valid) {
  return s(what) + ": unknown value '" + excerpt(word) + "'" + suggestion_or_list(suggestions, valid);
}
std::string unknown_code(std::string_view what, std::string_view text, const std::vector<std::string_view>& suggestions) {
  if (!suggestions.empty()) {
    return s(what) + ": unknown code '" + excerpt(text) + "'; did you mean " + quoted_alternatives(suggestions) + "?";
  }
  return s(what) + ": unknown code '" + excerpt(text) +
         "' (expected a code name such as VSS_E_WRITERERROR_RETRYABLE or a value such as 0x800423F3)";
}
std::string bad_duration(std::string_view what, std::string_view text, std::string_view reason) {
  return s(what) + ": bad duration '" + excerpt(text) + "': " + excerpt(reason, 2 * kExcerptChars);
}
std::string uint_out_of_range(std::string_view what, std::string_view text, std::uint64_t min) {
  return s(what) + ": " + excerpt(text) + " is out of range (expected an integer from " + std::to_string(min) +
         " to 18446744073709551615)";
}
std::string bad_probability(std::string_view what, std::string_view text) {
  return s(what) + ": expected a probability from 0 to 1, found " + s(text);
}
std::string conflicting_keys(std::string_view key, std::string_view other) {
  return "'" + s(key) + "' and '" + s(other) + "' say the same thing; give only one of them";
}

std::string duplicate_name(std::string_view kind, std::string_view name, int line, int column) {
  return "duplicate " + s(kind) + " name '" + excerpt(name) + "' (first defined at line " + std::to_string(line) +
         ", column " + std::to_string(column) + ")";
}
std::string empty_name(std::string_view what) { return s(what) + ": expected a non-empty name, found ''"; }
std::string unknown_ref(std::string_view what, std::string_view kind, std::string_view plural, std::string_view name,
                        const std::vector<std::string_view>& suggestions, const std::vector<std::string_view>& defined) {
  std::string out = s(what) + ": unknown " + s(kind) + " '" + excerpt(name) + "'";
  if (!suggestions.empty()) return out + "; did you mean " + quoted_alternatives(suggestions) + "?";
  if (defined.empty()) return out + " (the scenario defines no " + s(plural) + ")";
  return out + " (defined " + s(plural) + ": " + name_list(defined) + ")";
}
std::string unknown_component(std::string_view what, std::string_view writer, std::string_view name,
                              const std::vector<std::string_view>& suggestions,
                              const std::vector<std::string_view>& defined) {
  std::string out = s(what) + ": writer '" + excerpt(writer) + "' has no component '" + excerpt(name) + "'";
  if (!suggestions.empty()) return out + "; did you mean " + quoted_alternatives(suggestions) + "?";
  if (defined.empty()) return out + " (it defines no components)";
  return out + " (its components: " + name_list(defined) + ")";
}
std::string bad_rule_id(std::string_view id) {
  return "violations: expected a rule id without blanks, found '" + excerpt(id) + "'";
}
std::string bad_document_entry(std::string_view entry) {
  return "documents: expected an entry starting with its source key, such as \"[S4] unexpected provider codes "
         "are translated\", found '" + excerpt(entry) + "'";
}
std::string unknown_source_key(std::string_view key, const std::vector<std::string_view>& suggestions) {
  std::string out = "documents: unknown source key '" + excerpt(key) + "'";
  if (!suggestions.empty()) return out + "; did you mean " + quoted_alternatives(suggestions) + "?";
  return out + " (expected a key of the specification's source table, e.g. S1-S5, ATS, CBJE, D1-D22)";
}

std::string not_allowed_code(std::string_view what, std::string_view code, std::string_view api, std::string_view source,
                             const std::vector<std::string_view>& allowed, std::string_view hint) {
  std::string out = s(what) + ": " + s(code) + " is not a code " + s(api) + " accepts [" + s(source) + "] (allowed: " +
                    comma_list(allowed) + ")";
  if (!hint.empty()) out += "; " + s(hint) + ",";
  return out + (hint.empty() ? "; " : " or ") + "set deliberate_misuse: true to inject it anyway";
}
std::string vss_call_code_not_allowed(std::string_view code, std::string_view api, std::string_view source,
                                      const std::vector<std::string_view>& allowed) {
  return "code: " + s(code) + " is not a failure " + s(api) + " is documented to return from VSS itself [" +
         s(source) + "] (allowed: " + comma_list(allowed) +
         "; its other returns come from the call itself); set deliberate_misuse: true to inject it anyway";
}
std::string bits_code_not_allowed(std::string_view code) {
  return "code: " + s(code) + " is not an error a BITS error object carries [EGE] (`vssfault codes --role "
         "bits-job-error` lists them); set deliberate_misuse: true to inject it anyway";
}
std::string provider_code_not_valid(std::string_view code, const std::vector<std::string_view>& allowed) {
  return "code: " + s(code) + " is not a valid provider return code [S4] (valid: " + comma_list(allowed) +
         "); set unexpected: true to have VSS log it and translate it to VSS_E_UNEXPECTED_PROVIDER_ERROR";
}
std::string provider_code_is_valid(std::string_view code) {
  return "unexpected: " + s(code) + " is a valid provider return code [S4]; remove 'unexpected: true'";
}
std::string failure_in_identify(std::string_view what) {
  return s(what) + ": a writer cannot report a failure from OnIdentify [S2] [S3] [SF]; use return: false, or set "
         "deliberate_misuse: true to inject it anyway";
}
std::string application_code_needs_ex(std::string_view key) {
  return s(key) + ": SetWriterFailure takes no " + s(key) + " [S3]; use api: set_writer_failure_ex [S2]";
}
std::string retryable_mismatch(std::string_view code, bool retryable) {
  return retryable ? "retryable: " + s(code) + " is not a retryable writer failure (retryable codes: "
                         "VSS_E_WRITERERROR_OUTOFRESOURCES, VSS_E_WRITERERROR_TIMEOUT, VSS_E_WRITERERROR_RETRYABLE)"
                   : "retryable: " + s(code) + " is a retryable writer failure; write retryable: true or pick a "
                         "non-retryable code";
}
std::string retryable_without_code() {
  return "retryable: needs an explicit code (the harness never picks a code at random); add e.g. code: "
         "VSS_E_WRITERERROR_RETRYABLE";
}
std::string context_required() {
  return "fault: missing required key 'context' (the BG_ERROR_CONTEXT_* the error object reports with the code)";
}
std::string context_none_with_code() {
  return "context: BG_ERROR_CONTEXT_NONE means no error [EC]; pick the context the error occurred in, or set "
         "deliberate_misuse: true to inject it anyway";
}
std::string context_needs_upload(std::string_view job, std::string_view type) {
  return "context: BG_ERROR_CONTEXT_REMOTE_APPLICATION is the server application of an upload [EC], but job '" +
         excerpt(job) + "' is " + (type.rfind("up", 0) == 0 ? "an " : "a ") + s(type) + " job";
}
std::string reply_needs_upload_reply(std::string_view job, std::string_view type) {
  return "point: only upload-reply jobs receive a reply, but job '" + excerpt(job) + "' is " + (type.rfind("up", 0) == 0 ? "an " : "a ") + s(type) + " job";
}
std::string hit_one_of() { return "hit: give exactly one of 'nth', 'first' or 'probability'"; }
std::string needs_code(std::string_view key) {
  return s(key) + ": only applies together with a 'code'";
}
std::string fault_target_many() { return "fault: give only one of 'writer', 'provider', 'job' or 'vss'"; }
std::string fault_target_missing() {
  return "fault: missing the site it is injected at: one of 'writer', 'provider', 'job' or 'vss'";
}
std::string fault_has_no_effect(std::string_view kind) {
  return "fault: nothing happens; give at least one of " + s(kind);
}
std::string throw_and_return() { return "throw: a handler that throws returns nothing; remove 'return'"; }
std::string nothing_to_misuse() {
  return "deliberate_misuse: the fault uses no code the documentation forbids; remove 'deliberate_misuse: true'";
}

std::string never_fires_wrong_driver(std::string_view driver, bool vss_fault) {
  return vss_fault ? "fault can never fire: the " + s(driver) + " driver makes no VSS calls"
                   : "fault can never fire: the " + s(driver) + " driver drives no BITS jobs";
}
std::string never_fires_operation(std::string_view operation, std::string_view event) {
  return "fault can never fire: the reference requester runs a " + s(operation) + " (operation: " + s(operation) +
         "), which delivers no " + s(event);
}
std::string never_fires_no_call(std::string_view target, std::string_view site, std::string_view calls,
                                bool backup) {
  return "fault can never fire: " + s(target) + (backup ? " receives " : " reaches ") + s(site) +
         (backup ? " only from a call to " : " only after a call to ") + s(calls) + ", and no step makes one" +
         (backup ? " before the backup ends" : "");
}
std::string never_fires_no_requester() {
  return "fault can never fire: no step makes a requester call, so no writer or provider takes part";
}
std::string never_fires_hit(std::uint64_t hit, std::string_view site, std::uint64_t at_most, std::string_view why) {
  return "fault can never fire: it waits for hit " + std::to_string(hit) + " of " + s(site) + ", but " + s(why) +
         " deliver at most " + std::to_string(at_most);
}
std::string never_fires_probability_zero() { return "fault can never fire: probability is 0"; }
std::string never_fires_no_volumes(std::string_view provider) {
  return "fault can never fire: provider '" + excerpt(provider) + "' supports no volume, so it never takes part in a "
         "shadow copy set";
}
std::string never_fires_volumes_not_added(std::string_view provider) {
  return "fault can never fire: the reference requester adds none of the volumes of provider '" + excerpt(provider) +
         "' to the shadow copy set";
}
std::string never_fires_zero_failures() { return "fault can never fire: number_of_failures is 0"; }
std::string never_fires_unload() {
  return "fault can never fire: the reference requester never unloads a provider; OnUnload comes only from an "
         "UnregisterProvider step (driver kind steps)";
}

std::string step_needs_one_of() { return "step: expected a 'call' or an 'advance'"; }
std::string step_has_both() { return "step: give either 'call' or 'advance', not both"; }
std::string unknown_call(std::string_view call, const std::vector<std::string_view>& suggestions) {
  std::string out = "call: unknown call '" + excerpt(call) + "'";
  if (!suggestions.empty()) return out + "; did you mean " + quoted_alternatives(suggestions) + "?";
  return out + " (expected an IVssBackupComponents or IBackgroundCopyJob method, e.g. DoSnapshotSet, Resume)";
}
std::string args_not_taken(std::string_view call) { return "args: " + s(call) + " takes no arguments"; }
std::string missing_arg(std::string_view call, std::string_view arg) {
  return "args: " + s(call) + " needs argument '" + s(arg) + "'";
}
std::string inapplicable_driver_key(std::string_view kind) { return "to driver kind " + s(kind); }
std::string steps_empty() { return "steps: expected at least one step, found an empty list"; }

std::string template_empty_name() { return "the scenario name must not be empty"; }
std::string template_identify() {
  return "a writer cannot report a failure from OnIdentify [S2] [S3]; fault another event, or write "
         "`return: false` on Identify by hand";
}
std::string template_writer_code(std::string_view code, const std::vector<std::string_view>& allowed) {
  return s(code) + " is not a code SetWriterFailure [S3] or SetWriterFailureEx [S2] accepts (allowed: " +
         comma_list(allowed) + ")";
}
std::string template_bits_code(std::string_view code) {
  return s(code) + " is not an error a BITS error object carries [EGE] (`vssfault codes --role bits-job-error` lists them)";
}
std::string template_invalid(std::string_view first_error) {
  return "internal error: the generated scenario does not load: " + s(first_error);
}

}  // namespace vssfault::scenario::msg
