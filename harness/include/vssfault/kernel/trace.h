#pragma once
/// The trace: one ordered list of records per run. Its canonical text is what "byte-identical" means
/// for determinism, and its hash is a stable 64-bit hash of that text (below), kept up to date on every
/// append without building the text.
///
/// Canonical line: `<time> <actor> <event>[ <key>=<value>]...` with time printed as
/// `+<seconds>.<millis>s` zero-padded to 10 digits of seconds, e.g.
/// `+0000000600.000s writer:SqlWriter OnFreeze result=false`.
/// Values containing spaces, '=' or quotes are printed double-quoted with \" and \\ escapes.
///
/// The trace hash (Trace::hash_text; docs/semantics.md "Determinism") reads the text 8 bytes at a time,
/// each block as a little-endian 64-bit word, so it is the same on every compiler, stdlib and CPU:
///
///     h = 0x243F6A8885A308D3                               (seed)
///     for each 8-byte block b0..b7 of the text (the last one, if shorter, padded with zero bytes):
///       w = b0 | b1 << 8 | ... | b7 << 56
///       w = w * 0xBF58476D1CE4E5B9;  w ^= w >> 31        (spread the block; invertible)
///       h = (rotl(h, 27) ^ w) * 0x9E3779B97F4A7C15       (fold into the state; invertible in h)
///     h ^= n                                               (the text's length in bytes)
///     h ^= h >> 30;  h *= 0xBF58476D1CE4E5B9;  h ^= h >> 27;  h *= 0x94D049BB133111EB;  h ^= h >> 31
///
/// (arithmetic mod 2^64; the last line is SplitMix64's finaliser). Every step is invertible, so two texts
/// of the same length that differ inside one 8-byte block always hash differently. The hash of a text
/// does not depend on how it was split into appends: Trace keeps the state of the unfinished block.
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
  /// hash_text() of the canonical text, each line followed by '\n' (text() without building it).
  std::uint64_t hash() const;
  /// The whole canonical text.
  std::string text() const;
  void clear() { records_.clear(); state_ = HashState(); }

  /// "0x" + 16 lower-case hex digits, the form reports print.
  static std::string hash_hex(std::uint64_t h);
  /// The trace hash of `text` (the algorithm above).
  static std::uint64_t hash_text(std::string_view text);
  /// hash_text("") : the hash of an empty trace.
  static constexpr std::uint64_t kEmptyHash = 0xe9e0033e3badaf36ULL;

  /// The hash's running state: the folded full blocks, the pending bytes of the unfinished block (low
  /// byte first) and the length so far. Trace::add feeds it; hash() finishes a copy.
  struct HashState {
    std::uint64_t h = 0x243F6A8885A308D3ULL;
    std::uint64_t pending = 0;
    unsigned fill = 0;  ///< bytes in `pending`, 0..7
    std::uint64_t length = 0;
    void put(std::string_view bytes);
    std::uint64_t finish() const;
  };

 private:
  std::vector<TraceRecord> records_;
  HashState state_;
};

/// Index of the first record where two traces differ, or -1 if they are identical.
long first_difference(const Trace& a, const Trace& b);

}  // namespace vssfault
