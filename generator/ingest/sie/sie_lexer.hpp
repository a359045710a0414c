#pragma once
// One SIE line → fields. A field is a bare word (`#TRANS`, `1930`, `-1234.50`), a quoted string
// (`"Hyra \"Lokal 3\""`, where \" is a quote and \\ a backslash) or an object list
// (`{1 "AN01" 6 P7}`: dimension/code items). Fields are separated by spaces or tabs.
//
// Tokens are views into the line, or into the lexer's own buffer for strings that had escapes,
// so one lexer reused for every line allocates only when a line is longer than any before.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace namnd {

enum class SieTokenKind : std::uint8_t {
  Word,        // bare text
  Quoted,      // "…" (may be empty: an explicitly empty field)
  ObjectList,  // {…}; its items are listed by SieLexer::items()
};

struct SieToken {
  SieTokenKind kind = SieTokenKind::Word;
  std::string_view text;  // unescaped; for an object list the text between the braces
  std::uint32_t firstItem = 0;
  std::uint32_t itemCount = 0;
};

class SieLexer {
 public:
  // Splits `line` (without its line break). False when the line cannot be split: a quote or an
  // object list is not closed, or an object list is nested; error() then says why (Swedish).
  // The views stay valid until the next call, and only while `line`'s storage lives.
  bool tokenize(std::string_view line);

  std::span<const SieToken> tokens() const { return tokens_; }
  // The items (dimension, code, dimension, code …) of an object list token, unescaped.
  std::span<const std::string_view> items(const SieToken& token) const {
    return std::span<const std::string_view>(items_).subspan(token.firstItem, token.itemCount);
  }
  std::string_view error() const { return error_; }

 private:
  bool fail(std::string_view reason);
  // Reads a quoted string starting at line[pos] == '"'; pos ends after the closing quote.
  bool readQuoted(std::string_view line, std::size_t& pos, std::string_view& text);
  bool readObjectList(std::string_view line, std::size_t& pos, SieToken& token);

  std::vector<SieToken> tokens_;
  std::vector<std::string_view> items_;
  std::string unescaped_;  // capacity ≥ line size, so views into it never move
  std::string_view error_;
};

}  // namespace namnd
