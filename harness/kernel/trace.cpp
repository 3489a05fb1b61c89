#include "vssfault/kernel/trace.h"

#include <array>
#include <cstdio>
#include <cstring>

namespace vssfault {
namespace {
// The canonical text is written through a sink: StringSink builds it (canonical(), text()), HashSink
// folds it into the trace hash without building it (add()). One writer for both, so the hash is the
// hash of the text by construction.
struct StringSink {
  std::string& out;
  void put(char c) { out += c; }
  void put(std::string_view v) { out += v; }
};

// Trace::add's sink: a record's pieces (a few bytes each) are gathered in a buffer on the stack and reach
// the hash state in one put() per record (or per full buffer), so the state's word loop sees long runs and
// its partial-block path runs once per record instead of once per piece.
class HashSink {
 public:
  explicit HashSink(Trace::HashState& state) : state_(state) {}
  HashSink(const HashSink&) = delete;
  HashSink& operator=(const HashSink&) = delete;
  ~HashSink() { flush(); }

  void put(char c) {
    if (used_ == kSize) flush();
    buf_[used_++] = c;
  }
  void put(std::string_view v) {
    const std::size_t n = v.size();
    if (n > kSize - used_) {
      flush();
      if (n > kSize) {
        state_.put(v);
        return;
      }
    }
    copy_small(buf_ + used_, v.data(), n);
    used_ += n;
  }
  void flush() {
    state_.put(std::string_view(buf_, used_));
    used_ = 0;
  }

 private:
  static constexpr std::size_t kSize = 256;
  // memcpy of a short, variable length as at most two fixed-size (overlapping) moves, no library call.
  static void copy_small(char* d, const char* p, std::size_t n) {
    if (n >= 8) {
      if (n > 16) {
        std::memcpy(d, p, n);
        return;
      }
      std::memcpy(d, p, 8);
      std::memcpy(d + n - 8, p + n - 8, 8);
    } else if (n >= 4) {
      std::memcpy(d, p, 4);
      std::memcpy(d + n - 4, p + n - 4, 4);
    } else if (n > 0) {
      d[0] = p[0];
      d[n / 2] = p[n / 2];
      d[n - 1] = p[n - 1];
    }
  }
  Trace::HashState& state_;
  char buf_[kSize];
  std::size_t used_ = 0;
};

// The hash's constants and steps (trace.h).
constexpr std::uint64_t kSpread = 0xBF58476D1CE4E5B9ULL;
constexpr std::uint64_t kFold = 0x9E3779B97F4A7C15ULL;

inline std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline std::uint64_t fold(std::uint64_t h, std::uint64_t w) {
  w *= kSpread;
  w ^= w >> 31;
  return (rotl(h, 27) ^ w) * kFold;
}

// Eight bytes as a little-endian word, whatever the host's byte order (compilers make this one load).
inline std::uint64_t load_le64(const char* p) {
  const auto b = [p](int i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
  return b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24 | b(4) << 32 | b(5) << 40 | b(6) << 48 | b(7) << 56;
}

// n < 8 bytes as the low bytes of a little-endian word.
inline std::uint64_t load_le_partial(const char* p, std::size_t n) {
  std::uint64_t w = 0;
  for (std::size_t i = n; i > 0; --i) w = (w << 8) | static_cast<unsigned char>(p[i - 1]);
  return w;
}

// The characters that make a value quoted: ' ', '=', '"', '\\', '\n', '\t' (a table: one load per byte).
constexpr std::array<bool, 256> kQuoteChars = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '=', '"', '\\', '\n', '\t'}) t[c] = true;
  return t;
}();

bool needs_quotes(std::string_view v) {
  if (v.empty()) return true;
  for (char c : v) {
    if (kQuoteChars[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

template <class Sink>
void put_value(Sink& out, std::string_view v) {
  if (!needs_quotes(v)) {
    out.put(v);
    return;
  }
  out.put('"');
  for (char c : v) {
    if (c == '"' || c == '\\') out.put('\\');
    if (c == '\n') { out.put("\\n"); continue; }
    out.put(c);
  }
  out.put('"');
}

// "+%010lld.%03llds" of (ms / 1000, ms % 1000), formatted by hand: snprintf was a fifth of a run's cost.
template <class Sink>
void put_time(Sink& out, Instant t) {
  const std::int64_t ms = t.count_ms();
  char buf[48];
  if (ms < 0) {  // never produced by the virtual clock; kept exactly as printf prints it
    const int n = std::snprintf(buf, sizeof buf, "+%010lld.%03llds", static_cast<long long>(ms / 1000),
                                static_cast<long long>(ms % 1000));
    out.put(std::string_view(buf, static_cast<std::size_t>(n)));
    return;
  }
  std::uint64_t seconds = static_cast<std::uint64_t>(ms / 1000);
  const auto millis = static_cast<unsigned>(ms % 1000);
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + seconds % 10);
    seconds /= 10;
  } while (seconds != 0);
  char* p = buf;
  *p++ = '+';
  for (int i = n; i < 10; ++i) *p++ = '0';
  while (n > 0) *p++ = digits[--n];
  *p++ = '.';
  *p++ = static_cast<char>('0' + millis / 100);
  *p++ = static_cast<char>('0' + millis / 10 % 10);
  *p++ = static_cast<char>('0' + millis % 10);
  *p++ = 's';
  out.put(std::string_view(buf, static_cast<std::size_t>(p - buf)));
}

template <class Sink>
void put_record(Sink& out, const TraceRecord& r) {
  put_time(out, r.time);
  out.put(' ');
  out.put(r.actor);
  out.put(' ');
  out.put(r.event);
  for (const auto& f : r.fields) {
    out.put(' ');
    out.put(f.key);
    out.put('=');
    put_value(out, f.value);
  }
}
}  // namespace

void Trace::HashState::put(std::string_view bytes) {
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  length += n;
  if (fill == 0) {
    for (; n >= 8; p += 8, n -= 8) h = fold(h, load_le64(p));
  } else {
    // Each 8 bytes read complete the pending block and leave as many bytes pending as before.
    const unsigned shift = 8 * fill;
    for (; n >= 8; p += 8, n -= 8) {
      const std::uint64_t w = load_le64(p);
      h = fold(h, pending | (w << shift));
      pending = w >> (64 - shift);
    }
  }
  if (n == 0) return;
  const std::uint64_t tail = load_le_partial(p, n);
  const std::size_t room = 8 - fill;
  if (n < room) {
    pending |= tail << (8 * fill);
    fill += static_cast<unsigned>(n);
    return;
  }
  // The tail completes the block (n >= room, and n < 8 so fill > 0): fold, keep the rest pending.
  h = fold(h, pending | (tail << (8 * fill)));
  pending = tail >> (8 * room);
  fill = static_cast<unsigned>(n - room);
}

std::uint64_t Trace::HashState::finish() const {
  std::uint64_t x = fill == 0 ? h : fold(h, pending);
  x ^= length;
  x ^= x >> 30;
  x *= kSpread;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t Trace::hash() const { return state_.finish(); }

std::uint64_t Trace::hash_text(std::string_view text) {
  HashState s;
  s.put(text);
  return s.finish();
}

std::string_view TraceRecord::field(std::string_view key) const {
  for (const auto& f : fields) {
    if (f.key == key) return f.value;
  }
  return {};
}

std::string TraceRecord::canonical() const {
  std::string out;
  out.reserve(64);
  StringSink sink{out};
  put_record(sink, *this);
  return out;
}

void Trace::add(TraceRecord record) {
  {
    HashSink sink(state_);
    put_record(sink, record);
    sink.put('\n');
  }
  if (records_.capacity() == 0) records_.reserve(128);  // a clean backup's trace, without regrowing
  records_.push_back(std::move(record));
}

void Trace::add(Instant time, std::string actor, std::string event,
                std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  TraceRecord r{time, std::move(actor), std::move(event), {}};
  r.fields.reserve(fields.size());
  for (const auto& [k, v] : fields) r.fields.push_back({std::string(k), std::string(v)});
  add(std::move(r));
}

std::string Trace::text() const {
  std::string out;
  StringSink sink{out};
  for (const auto& r : records_) {
    put_record(sink, r);
    sink.put('\n');
  }
  return out;
}

std::string Trace::hash_hex(std::uint64_t h) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(h));
  return buf;
}

long first_difference(const Trace& a, const Trace& b) {
  const auto& ra = a.records();
  const auto& rb = b.records();
  const std::size_t n = ra.size() < rb.size() ? ra.size() : rb.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!(ra[i] == rb[i])) return static_cast<long>(i);
  }
  if (ra.size() != rb.size()) return static_cast<long>(n);
  return -1;
}

}  // namespace vssfault
