#pragma once
// Private: every message text of the scenario loader, in one place. Each says what was expected and
// what was found; the position prefix is added by Diagnostic::to_string.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vssfault::scenario::msg {

/// "'a'", "'a' or 'b'", "'a', 'b' or 'c'"
std::string quoted_alternatives(const std::vector<std::string_view>& words);
/// "a, b, c"
std::string comma_list(const std::vector<std::string_view>& words);
/// Text from the file as messages quote it: at most max_chars characters ("..." marks a cut), never
/// cut inside a character, and bytes that are not UTF-8 (a scalar's escapes can make them) shown as
/// U+FFFD. Keeps every message short and valid UTF-8 whatever the file holds.
inline constexpr std::size_t kExcerptChars = 60;
std::string excerpt(std::string_view text, std::size_t max_chars = kExcerptChars);
/// Names the file defined, for "defined writers: ..." lists: each an excerpt, at most kListedNames of
/// them, then "and N more".
inline constexpr std::size_t kListedNames = 20;
std::string name_list(const std::vector<std::string_view>& names);

// --- text and syntax ---
std::string cannot_read(std::string_view reason);
std::string nul_byte();
std::string not_utf8(unsigned char byte);
std::string yaml_syntax(std::string_view what);
/// A string whose escapes produced a NUL or a byte that is not UTF-8 (yaml-cpp writes \_ as 0xA0).
std::string escape_not_text(std::string_view what, unsigned char byte);
std::string unexpected_token(std::string_view token);
std::string too_deep();
std::string second_document();
std::string unterminated_quote();

// --- limits (vssfault::scenario::Limits; each names the flag that raises it) ---
std::string file_too_large(std::uint64_t size, std::uint64_t limit);
std::string not_regular_file(std::string_view kind);
std::string too_many_nodes(std::uint64_t limit);
std::string expands_too_much(std::uint64_t limit);
std::string nested_too_deep(std::uint64_t limit);
std::string too_many_items(std::string_view what, bool map, std::uint64_t count, std::uint64_t limit);
std::string too_many_errors(std::uint64_t limit);

// --- shapes and scalars ---
std::string expected_found(std::string_view what, std::string_view expected, std::string_view found);
std::string expected_string(std::string_view what, std::string_view found, std::string_view raw);
std::string missing_key(std::string_view what, std::string_view key);
std::string unknown_key(std::string_view key, std::string_view what, const std::vector<std::string_view>& suggestions,
                        const std::vector<std::string_view>& valid);
std::string inapplicable_key(std::string_view key, std::string_view reason);
std::string duplicate_key(std::string_view key, std::string_view what, int line, int column);
std::string key_not_scalar(std::string_view what, std::string_view found);
std::string unknown_word(std::string_view what, std::string_view word, const std::vector<std::string_view>& suggestions,
                         const std::vector<std::string_view>& valid);
std::string unknown_code(std::string_view what, std::string_view text, const std::vector<std::string_view>& suggestions);
std::string bad_duration(std::string_view what, std::string_view text, std::string_view reason);
std::string uint_out_of_range(std::string_view what, std::string_view text, std::uint64_t min);
std::string bad_probability(std::string_view what, std::string_view text);
std::string conflicting_keys(std::string_view key, std::string_view other);

// --- names and references ---
std::string duplicate_name(std::string_view kind, std::string_view name, int line, int column);
std::string empty_name(std::string_view what);
std::string unknown_ref(std::string_view what, std::string_view kind, std::string_view plural, std::string_view name,
                        const std::vector<std::string_view>& suggestions, const std::vector<std::string_view>& defined);
std::string unknown_component(std::string_view what, std::string_view writer, std::string_view name,
                              const std::vector<std::string_view>& suggestions,
                              const std::vector<std::string_view>& defined);
std::string bad_rule_id(std::string_view id);
std::string bad_document_entry(std::string_view entry);
std::string unknown_source_key(std::string_view key, const std::vector<std::string_view>& suggestions);

// --- documented roles of codes ---
std::string not_allowed_code(std::string_view what, std::string_view code, std::string_view api, std::string_view source,
                             const std::vector<std::string_view>& allowed, std::string_view hint);
std::string vss_call_code_not_allowed(std::string_view code, std::string_view api, std::string_view source,
                                      const std::vector<std::string_view>& allowed);
std::string bits_code_not_allowed(std::string_view code);
std::string provider_code_not_valid(std::string_view code, const std::vector<std::string_view>& allowed);
std::string provider_code_is_valid(std::string_view code);
std::string failure_in_identify(std::string_view what);
std::string application_code_needs_ex(std::string_view key);
std::string retryable_mismatch(std::string_view code, bool retryable);
std::string retryable_without_code();
std::string context_required();
std::string context_none_with_code();
std::string context_needs_upload(std::string_view job, std::string_view type);
std::string reply_needs_upload_reply(std::string_view job, std::string_view type);
std::string hit_one_of();
std::string needs_code(std::string_view key);
std::string fault_target_many();
std::string fault_target_missing();
std::string fault_has_no_effect(std::string_view kind);
std::string throw_and_return();
std::string nothing_to_misuse();

// --- faults that can never fire ---
std::string never_fires_wrong_driver(std::string_view driver, bool vss_fault);
std::string never_fires_operation(std::string_view operation, std::string_view event);
std::string never_fires_no_call(std::string_view target, std::string_view site, std::string_view calls,
                                bool backup);
std::string never_fires_no_requester();
std::string never_fires_hit(std::uint64_t hit, std::string_view site, std::uint64_t at_most, std::string_view why);
std::string never_fires_probability_zero();
std::string never_fires_no_volumes(std::string_view provider);
std::string never_fires_volumes_not_added(std::string_view provider);
std::string never_fires_zero_failures();
std::string never_fires_unload();

// --- driver ---
std::string step_needs_one_of();
std::string step_has_both();
std::string unknown_call(std::string_view call, const std::vector<std::string_view>& suggestions);
std::string args_not_taken(std::string_view call);
std::string missing_arg(std::string_view call, std::string_view arg);
std::string inapplicable_driver_key(std::string_view kind);
std::string steps_empty();

// --- `vssfault new` ---
std::string template_empty_name();
std::string template_identify();
std::string template_writer_code(std::string_view code, const std::vector<std::string_view>& allowed);
std::string template_bits_code(std::string_view code);
std::string template_invalid(std::string_view first_error);

}  // namespace vssfault::scenario::msg
