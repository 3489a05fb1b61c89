// Bytes that are not a scenario: binary garbage, text that is not UTF-8, and quoted strings left open
// (yaml-cpp silently reads such a string to the end of the file, swallowing every key after it).
#include <gtest/gtest.h>

#include <cstdint>

#include "hostile/hostile.h"

namespace vssfault::hostile {
namespace {

/// `n` bytes from a fixed xorshift sequence: the same garbage on every run.
std::string garbage(std::size_t n, std::uint64_t seed) {
  std::string out(n, '\0');
  for (auto& c : out) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    c = static_cast<char>(seed >> 56);
  }
  return out;
}

TEST(HostileBytes, BinaryGarbageIsRejectedAtItsFirstBadByte) {
  TempDir dir;
  const std::string path = dir.file("garbage.yaml", garbage(64 * 1024, 42));
  expect_run({"check", path},
             check_output({path + ":1:1: error: the file contains a NUL byte; a scenario file is UTF-8 text"}));
  // Without NUL bytes, the first byte that cannot start or continue a UTF-8 sequence.
  std::string high = garbage(64 * 1024, 7);
  for (auto& c : high) c = static_cast<char>(c | 0x80);
  const std::string no_nul = dir.file("high.yaml", "name: n\n" + high);
  expect_run({"check", no_nul},
             check_output({no_nul + ":2:1: error: the file is not valid UTF-8 (byte 0x80 here); save it as UTF-8"}));
}

TEST(HostileBytes, ANulByteIsRejected) {
  TempDir dir;
  const std::string path = dir.file("nul.yaml", std::string("name: a\ndescription: b\0c\n", 25));
  expect_run({"check", path},
             check_output({path + ":2:15: error: the file contains a NUL byte; a scenario file is UTF-8 text"}));
}

TEST(HostileBytes, Utf16IsNotUtf8) {
  TempDir dir;
  const std::string path = dir.file("utf16.yaml", std::string("\xFF\xFEn\0a\0m\0e\0", 10));
  expect_run({"check", path},
             check_output({path + ":1:1: error: the file is not valid UTF-8 (byte 0xFF here); save it as UTF-8"}));
}

TEST(HostileBytes, InvalidUtf8IsReportedWhereItIs) {
  TempDir dir;
  // An overlong encoding of '/' (C0 AF), after two-byte characters that count as one column each.
  const std::string path = dir.file("overlong.yaml", "name: \"\xC3\xA9\xC3\xA9\"\ndescription: \"\xC3\xA9\xC0\xAF\"\n");
  expect_run({"check", path},
             check_output({path + ":2:16: error: the file is not valid UTF-8 (byte 0xC0 here); save it as UTF-8"}));
}

TEST(HostileBytes, ACommaThatYamlCppWouldLoopOnIsASyntaxError) {
  // yaml-cpp 0.7's LoadAll adds an empty document per turn, forever, on a document that starts with
  // ',' (yaml-cpp issue #1040): 24 GB in two minutes before the loader parsed around it.
  TempDir dir;
  const std::string first = dir.file("first.yaml", ", name: n\n");
  const std::string later = dir.file("later.yaml", "name: n\n...\n,\n");
  const std::string message =
      ": error: YAML syntax error: unexpected ',' (outside [ ] and { }, a ',' starting a value must be quoted)";
  expect_run({"check", first}, check_output({first + ":1:1" + message}));
  expect_run({"check", later}, check_output({later + ":3:1" + message}));
}

TEST(HostileBytes, AnEscapedSurrogateIsASyntaxError) {
  // "\uD800" is a lone UTF-16 surrogate, which no UTF-8 text can hold.
  TempDir dir;
  const std::string path = dir.file("escape.yaml", "name: n\nwriters: [{name: W, level: \"\\uD800x\"}]\n");
  expect_run({"check", path}, check_output({path + ":2:35: error: YAML syntax error: invalid unicode: 55296"}));
}

TEST(HostileBytes, AnUnterminatedQuoteIsReportedAloneWhereItOpens) {
  // The quote swallows 200 kB of keys: one error, where the string starts, not 10,000 echoes.
  std::string text = "name: \"open\nwriters:\n";
  for (int i = 0; i < 10'000; ++i) text += "  - name: w" + std::to_string(i) + "\n";
  TempDir dir;
  const std::string double_quoted = dir.file("double.yaml", text);
  text[6] = '\'';
  const std::string single_quoted = dir.file("single.yaml", text);
  const std::string message =
      ":1:7: error: unterminated quoted string: no closing quote before the end of the file";
  expect_run({"check", double_quoted}, check_output({double_quoted + message}));
  expect_run({"check", single_quoted}, check_output({single_quoted + message}));
}

TEST(HostileBytes, AnUnterminatedQuotedKeyIsReportedToo) {
  TempDir dir;
  const std::string path = dir.file("key.yaml", "name: n\n\"seed: 4\nwriters: []\n");
  expect_run({"check", path},
             check_output({path + ":2:1: error: unterminated quoted string: no closing quote before the end of the "
                                  "file"}));
}

TEST(HostileBytes, LongTextKeepsErrorsShort) {
  // A 1,000-character unknown key (YAML allows no longer plain key) and values of 500 and 200 kB:
  // messages quote 60 characters of each.
  TempDir dir;
  const std::string key(1'000, 'k');
  const std::string path = dir.file("long.yaml", "name: n\n" + key + ": 1\nseed: " + std::string(500'000, '7') +
                                                    "\ndescription: " + std::string(200'000, '5') + "\n");
  const std::string k60(60, 'k'), fives = std::string(60, '5') + "...";
  expect_run({"check", path},
             check_output({path + ":2:1: error: unknown key '" + k60 + "...' in scenario (expected one of: name, "
                                  "description, seed, documents, volumes, writers, providers, jobs, settings, faults, "
                                  "driver, expect)",
                           path + ":3:7: error: seed: " + std::string(60, '7') + "... is out of range (expected an "
                                  "integer from 0 to 18446744073709551615)",
                           path + ":4:14: error: description: expected a string, found the integer " + fives +
                               " (write \"" + fives + "\" to make it a string)"}));
}

}  // namespace
}  // namespace vssfault::hostile
