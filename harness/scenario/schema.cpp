// The JSON Schema of the scenario format, generated from the loader's own word lists and call table.
// What it cannot say (references between names, the documented roles of codes, faults that can never
// fire) is left to `vssfault check`.
#include "vssfault/scenario/schema.h"

#include <nlohmann/json.hpp>

#include "vssfault/codes/catalog.h"
#include "vssfault/scenario/calls.h"
#include "vssfault/scenario/fault.h"
#include "vssfault/scenario/vocabulary.h"

namespace vssfault::scenario {
namespace {

using Json = nlohmann::ordered_json;

Json ref(const char* name) { return {{"$ref", std::string("#/$defs/") + name}}; }
Json described(Json schema, const char* text) {
  schema["description"] = text;
  return schema;
}
Json array_of(Json items) { return {{"type", "array"}, {"items", std::move(items)}}; }
Json string_type() { return {{"type", "string"}}; }
Json boolean() { return {{"type", "boolean"}}; }
Json uint() { return {{"type", "integer"}, {"minimum", 0}}; }

template <class E>
Json words() {
  Json list = Json::array();
  for (const auto& n : enum_names<E>()) list.push_back(std::string(n.name));
  return {{"enum", list}};
}

Json object(Json properties, std::vector<std::string> required = {}) {
  Json o = {{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
  if (!required.empty()) o["required"] = required;
  return o;
}

Json code_schema() {
  Json names = Json::array();
  for (const auto& c : all_codes()) names.push_back(std::string(c.name));
  return {{"description", "An HRESULT: a catalog name (`vssfault codes`) or a 0x value"},
          {"anyOf", Json::array({{{"enum", names}},
                                 {{"type", "string"}, {"pattern", "^0[xX][0-9A-Fa-f]{1,8}$"}},
                                 {{"type", "integer"}, {"minimum", 0}, {"maximum", 4294967295u}}})}};
}

Json hit_schema() {
  return {{"description", "Which hits of the site fire (default {nth: 1})"},
          {"oneOf", Json::array({{{"const", "every"}},
                                 object({{"nth", {{"type", "integer"}, {"minimum", 1}}}}, {"nth"}),
                                 object({{"first", {{"type", "integer"}, {"minimum", 1}}}}, {"first"}),
                                 object({{"probability", {{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 1}}}},
                                        {"probability"})})}};
}

Json common_fault_properties() {
  return {{"hit", ref("hit")},
          {"delay", described(ref("duration"), "Virtual time the call takes before the fault acts (default 0ms)")},
          {"deliberate_misuse", described(boolean(), "Allow a code the documentation forbids here")}};
}

Json writer_fault() {
  Json p = {{"writer", described(ref("name"), "The writer whose handler misbehaves")},
            {"event", described(words<WriterEvent>(), "The writer event (or CVssWriter handler name)")},
            {"writer_event", described(words<WriterEvent>(), "VSS Test Writer spelling of `event`")},
            {"number_of_failures", described(uint(), "VSS Test Writer numFailures: fail the first N hits")}};
  p.update(common_fault_properties());
  p.update(Json{{"throw", described(boolean(), "The handler throws (default false)")},
                {"return", described(boolean(), "The handler's result; false is a fatal veto (default true)")},
                {"code", described(ref("code"), "hr passed to SetWriterFailure / hrWriter of SetWriterFailureEx")},
                {"application_code", described(ref("code"), "hrApplication (SetWriterFailureEx only)")},
                {"message", described(string_type(), "wszApplicationMessage (SetWriterFailureEx only)")},
                {"api", words<FailureApi>()},
                {"retryable", described(boolean(), "VSS Test Writer retryable: checked against `code`")},
                {"component_failures",
                 array_of(object({{"component", ref("name")},
                                  {"code", ref("code")},
                                  {"application_code", ref("code")},
                                  {"message", string_type()}},
                                 {"component", "code"}))}});
  Json o = object(p, {"writer"});
  o["anyOf"] = Json::array({{{"required", {"event"}}}, {{"required", {"writer_event"}}}});
  return o;
}

Json provider_fault() {
  Json p = {{"provider", ref("name")}, {"method", words<ProviderMethod>()}};
  p.update(common_fault_properties());
  p.update(Json{{"code", ref("code")},
                {"unexpected", described(boolean(), "The code is outside the valid provider table [S4] on purpose")},
                {"log", described(boolean(), "The provider writes an Application-log entry in this call")}});
  return object(p, {"provider", "method"});
}

Json bits_fault() {
  Json p = {{"job", ref("name")}, {"point", words<TransferPoint>()}};
  p.update(common_fault_properties());
  p.update(Json{{"code", ref("code")},
                {"context", words<ErrorContext>()},
                {"severity", described(words<Severity>(), "documented (default): as the documentation classifies the code; transient: "
                                                        "BITS retries; fatal: BG_JOB_STATE_ERROR")},
                {"bytes", described(uint(), "transfer, reply-transfer: bytes that move before the fault acts")}});
  return object(p, {"job", "point"});
}

Json vss_call_fault() {
  Json methods = Json::array();
  for (const auto& spec : vss_call_specs()) methods.push_back(std::string(spec.method));
  Json p = {{"vss", described(Json{{"enum", methods}}, "A requester method failing inside VSS itself, before it does anything")},
            {"hit", ref("hit")},
            {"deliberate_misuse", described(boolean(), "Allow a code the documentation forbids here")},
            {"code", described(ref("code"), "The method's documented failure (GetFailure: E_OUTOFMEMORY [S1])")}};
  return object(p, {"vss", "code"});
}

Json arg_schema(const ArgSpec& a) {
  switch (a.type) {
    case ArgType::kBool: return boolean();
    case ArgType::kUInt: return uint();
    case ArgType::kDuration: return ref("duration");
    case ArgType::kChoice: {
      Json list = Json::array();
      for (auto c : a.choices) list.push_back(std::string(c));
      return {{"enum", list}};
    }
    case ArgType::kNotifyFlags: return array_of(words<NotifyFlag>());
    default: return string_type();
  }
}

Json step_schema() {
  Json names = Json::array();
  Json rules = Json::array();
  for (const auto& c : all_calls()) {
    names.push_back(std::string(c.name));
    Json props = Json::object();
    std::vector<std::string> required;
    for (const auto& a : c.args) {
      props[std::string(a.name)] = arg_schema(a);
      if (!a.default_value) required.emplace_back(a.name);
    }
    Json args = object(props, required);
    Json then = {{"properties", {{"args", args}}}};
    if (!required.empty()) then["required"] = {"args"};
    rules.push_back({{"if", {{"properties", {{"call", {{"const", std::string(c.name)}}}}}}}, {"then", then}});
  }
  Json call = object({{"call", {{"enum", names}}},
                      {"requester", described(ref("name"), "The requester object of a requester call (default main)")},
                      {"args", {{"type", "object"}}},
                      {"expect", {{"description", "The HRESULT the call must give (default S_OK), or any"},
                                  {"anyOf", Json::array({ref("code"), {{"const", "any"}}})}}}},
                     {"call"});
  call["allOf"] = rules;
  return {{"oneOf", Json::array({call, object({{"advance", ref("duration")}}, {"advance"})})}};
}

Json driver_schema() {
  Json requester = object({{"kind", {{"const", "reference-requester"}}},
                           {"operation", words<Operation>()},
                           {"retries", described(uint(), "Retries after a failed attempt (default 3, D21)")},
                           {"retry_delay", described(ref("duration"), "Wait before a retry (default 10m, D21)")},
                           {"component_mode", described(boolean(), "SetBackupState(bSelectComponents)")},
                           {"backup_type", words<BackupType>()},
                           {"accept_vetoes", described(boolean(), "Go on without the vetoing writers [WEV]")},
                           {"abort_on_failure", described(boolean(), "false: skip AbortBackup (a misuse) [ABRT]")},
                           {"in_progress_delay", ref("duration")},
                           {"max_in_progress_waits", uint()},
                           {"volumes", described(array_of(ref("name")), "Volumes to shadow copy (default: all)")}});
  Json client = object({{"kind", {{"const", "reference-bits-client"}}},
                        {"notify", words<NotifyMode>()},
                        {"poll_interval", ref("duration")},
                        {"on_error", words<OnError>()},
                        {"max_resumes", uint()}});
  Json steps = object({{"kind", {{"const", "steps"}}}, {"steps", {{"type", "array"}, {"minItems", 1}, {"items", ref("step")}}}},
                      {"steps"});
  return {{"description", "What drives the model (default: the reference requester, or the reference BITS client "
                          "for a world of BITS jobs only)"},
          {"anyOf", Json::array({requester, client, steps})}};
}

Json expect_schema() {
  Json component = object({{"code", ref("code")}, {"application_code", ref("code")}, {"message", string_type()}});
  Json writer = object({{"state", words<WriterState>()},
                        {"code", ref("code")},
                        {"application_code", ref("code")},
                        {"message", string_type()},
                        {"components", {{"type", "object"}, {"additionalProperties", component}}}});
  Json log_entry = object({{"source", described(string_type(), "VSS, or a writer or provider name")},
                           {"method", {{"anyOf", Json::array({words<ProviderMethod>(), words<WriterEvent>()})}}},
                           {"code", ref("code")},
                           {"when", words<FreezePhase>()}},
                          {"source", "method", "code"});
  Json job = object(
      {{"state", words<JobState>()},
       {"error", {{"anyOf", Json::array({{{"const", "none"}},
                                         object({{"context", words<ErrorContext>()}, {"code", ref("code")}},
                                                {"context", "code"})})}}},
       {"error_count", uint()},
       {"callbacks", object({{"job_transferred", uint()}, {"job_error", uint()}, {"job_modification", uint()}})},
       {"diagnosis", described(words<UploadReplyDiagnosis>(), "Which part of an upload-reply job failed [S5]")}});
  return object({{"result", described(ref("code"), "The driver's final HRESULT")},
                 {"outcome", described(words<RequesterOutcome>(), "How the reference requester's backup ended")},
                 {"writers", {{"type", "object"}, {"additionalProperties", writer}}},
                 {"event_log", described(array_of(log_entry), "The whole Application log, in order")},
                 {"snapshots", words<SnapshotPresence>()},
                 {"jobs", {{"type", "object"}, {"additionalProperties", job}}},
                 {"attempts", uint()},
                 {"elapsed", ref("duration")},
                 {"violations", {{"description", "Conformance rule ids expected, or none"},
                                 {"anyOf", Json::array({{{"const", "none"}}, array_of(string_type())})}}}});
}

Json world_defs(Json& defs) {
  defs["writer"] = object({{"name", ref("name")},
                           {"level", described(words<WriterLevel>(), "Freeze order [VAL] (default front-end)")},
                           {"freeze_timeout", described(ref("duration"), "dwTimeoutFreeze (default 60s) [INIT]")},
                           {"instance_name", string_type()},
                           {"components", array_of(object({{"name", ref("name")}, {"volumes", array_of(ref("name"))}},
                                                          {"name"}))}},
                          {"name"});
  defs["provider"] = object({{"name", ref("name")},
                             {"kind", words<ProviderKind>()},
                             {"volumes", described(array_of(ref("name")), "Supported volumes (default: all)")}},
                            {"name"});
  defs["job"] = object({{"name", ref("name")},
                        {"type", words<JobType>()},
                        {"files", array_of(object({{"remote", string_type()}, {"local", string_type()}, {"size", uint()}},
                                                  {"remote", "local", "size"}))},
                        {"no_progress_timeout", described(ref("duration"), "Default 14d [NPT]")},
                        {"minimum_retry_delay", described(ref("duration"), "Default 10m [MRD]")},
                        {"notify_flags", array_of(words<NotifyFlag>())},
                        {"transfer_rate", described(uint(), "Bytes per virtual second (default 1048576)")}},
                       {"name"});
  defs["settings"] = object(
      {{"flush_timeout", described(ref("duration"), "Default 10s (D8)")},
       {"hold_timeout", described(ref("duration"), "Default 10s (D8)")},
       {"response_timeout", described(ref("duration"), "Default 60s (D15)")},
       {"misuse", described(words<MisuseMode>(), "SetWriterFailure with a forbidden code: strict or lenient (D10)")},
       {"flush_durations", described({{"type", "object"}, {"additionalProperties", ref("duration")}},
                                     "Per volume: how long its flush takes (default 0s); longer than flush_timeout "
                                     "fails the set with VSS_E_FLUSH_WRITES_TIMEOUT")},
       {"event_log", object({{"writers_log_failures", boolean()}, {"providers_log_failures", boolean()}})}});
  return defs;
}

Json build() {
  Json defs = Json::object();
  defs["name"] = {{"type", "string"}, {"minLength", 1}};
  defs["duration"] = {{"description", "A duration such as 59s, 10m, 1h30m or 1500ms"},
                      {"type", "string"},
                      {"pattern", "^([0-9]+(ms|s|m|h|d))+$"}};
  defs["code"] = code_schema();
  defs["document"] = {{"description", "A documented statement, starting with its source key(s): \"[S4] ...\""},
                      {"type", "string"},
                      {"pattern", "^\\[[^\\]]+\\]"}};
  defs["hit"] = hit_schema();
  world_defs(defs);
  defs["fault"] = {{"oneOf", Json::array({writer_fault(), provider_fault(), bits_fault(), vss_call_fault()})}};
  defs["step"] = step_schema();

  Json top = object(
      {{"name", described(ref("name"), "The scenario's name")},
       {"description", string_type()},
       {"seed", described(uint(), "Seed of every random choice (default 1)")},
       {"documents", {{"anyOf", Json::array({ref("document"), array_of(ref("document"))})}}},
       {"volumes", array_of(ref("name"))},
       {"writers", array_of(ref("writer"))},
       {"providers", described(array_of(ref("provider")), "Default: one system provider for every volume")},
       {"jobs", array_of(ref("job"))},
       {"settings", ref("settings")},
       {"faults", array_of(ref("fault"))},
       {"driver", driver_schema()},
       {"expect", expect_schema()}},
      {"name"});
  Json schema = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                 {"$id", "urn:vssfault:scenario"},
                 {"title", "vssfault scenario"},
                 {"description", "A vssfault scenario: world, fault plan, driver and expectations "
                                 "(docs/scenario-format.md). `vssfault check` validates what a schema cannot."}};
  schema.update(top);
  schema["$defs"] = defs;
  return schema;
}

}  // namespace

std::string json_schema() { return build().dump(2) + "\n"; }

}  // namespace vssfault::scenario
