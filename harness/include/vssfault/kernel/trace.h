#pragma once
/// The trace: one ordered list of records per run. Its canonical text is what "byte-identical" means
/// for determinism, and its hash is the 64-bit FNV-1a of that text, kept up to date on every append.
///
/// Canonical line: `<time> <actor> <event>[ <key>=<value>]...` with time printed as
/// `+<seconds>.<millis>s` zero-padded to 10 digits of seconds, e.g.
/// `+0000000600.000s writer:SqlWriter OnFreeze result=false`.
/// Values containing spaces, '=' or quotes are printed double-quoted with \" and \\ escapes.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vssfault/kernel/duration.h"

namespace vssfault {

struct TraceField {
  std::string key;
  std::string value;
  bool operator==(const TraceField&) const = default;
};

struct TraceRecord {
  Instant time;
  std::string actor;   ///< "requester", "vss", "writer:NAME", "provider:NAME", "bits:JOB", "eventlog", …
  std::string event;   ///< "OnFreeze", "DoSnapshotSet", "violation", "fault", …
  std::vector<TraceField> fields;
  bool operator==(const TraceRecord&) const = default;

  /// The value of field `key`, or "" when absent.
  std::string_view field(std::string_view key) const;
  /// The canonical one-line text (no newline).
  std::string canonical() const;
};

class Trace {
 public:
  void add(TraceRecord record);
  void add(Instant time, std::string actor, std::string event,
           std::initializer_list<std::pair<std::string_view, std::string_view>> fields = {});

  const std::vector<TraceRecord>& records() const { return records_; }
  std::size_t size() const { return records_.size(); }
  /// FNV-1a 64 over the canonical text, each line followed by '\n'.
  std::uint64_t hash() const { return hash_; }
  /// The whole canonical text.
  std::string text() const;
  void clear() { records_.clear(); hash_ = kEmptyHash; }

  /// "0x" + 16 lower-case hex digits, the form reports print.
  static std::string hash_hex(std::uint64_t h);
  static constexpr std::uint64_t kEmptyHash = 0xcbf29ce484222325ULL;

 private:
  std::vector<TraceRecord> records_;
  std::uint64_t hash_ = kEmptyHash;
};

/// Index of the first record where two traces differ, or -1 if they are identical.
long first_difference(const Trace& a, const Trace& b);

}  // namespace vssfault
