#include "ingest/sie/sie_lexer.hpp"

namespace namnd {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A bare word runs to the next space; inside an object list it also stops at '}'.
std::size_t wordEnd(std::string_view line, std::size_t pos, bool inObjectList) {
  while (pos < line.size() && !isSpace(line[pos]) && !(inObjectList && line[pos] == '}')) ++pos;
  return pos;
}

}  // namespace

bool SieLexer::fail(std::string_view reason) {
  error_ = reason;
  return false;
}

bool SieLexer::readQuoted(std::string_view line, std::size_t& pos, std::string_view& text) {
  const std::size_t start = ++pos;  // after the opening quote
  bool escaped = false;
  std::size_t i = start;
  for (; i < line.size(); ++i) {
    if (line[i] == '"') break;
    if (line[i] == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
      escaped = true;
      ++i;
    }
  }
  if (i >= line.size()) return fail("citattecknet stängs inte på raden");
  if (!escaped) {
    text = line.substr(start, i - start);
  } else {
    // Unescape into the buffer; its capacity was reserved for the whole line, so earlier views
    // into it stay valid.
    const std::size_t from = unescaped_.size();
    for (std::size_t k = start; k < i; ++k) {
      if (line[k] == '\\' && (line[k + 1] == '"' || line[k + 1] == '\\')) ++k;
      unescaped_ += line[k];
    }
    text = std::string_view(unescaped_).substr(from);
  }
  pos = i + 1;
  return true;
}

bool SieLexer::readObjectList(std::string_view line, std::size_t& pos, SieToken& token) {
  const std::size_t open = pos++;
  token.kind = SieTokenKind::ObjectList;
  token.firstItem = static_cast<std::uint32_t>(items_.size());
  while (true) {
    while (pos < line.size() && isSpace(line[pos])) ++pos;
    if (pos >= line.size()) return fail("objektlistan stängs inte med '}' på raden");
    const char c = line[pos];
    if (c == '}') break;
    if (c == '{') return fail("'{' inuti en objektlista");
    std::string_view item;
    if (c == '"') {
      if (!readQuoted(line, pos, item)) return false;
    } else {
      const std::size_t end = wordEnd(line, pos, true);
      item = line.substr(pos, end - pos);
      pos = end;
    }
    items_.push_back(item);
  }
  token.text = line.substr(open + 1, pos - open - 1);
  token.itemCount = static_cast<std::uint32_t>(items_.size()) - token.firstItem;
  ++pos;  // the closing brace
  return true;
}

bool SieLexer::tokenize(std::string_view line) {
  tokens_.clear();
  items_.clear();
  unescaped_.clear();
  if (unescaped_.capacity() < line.size()) unescaped_.reserve(line.size());
  error_ = {};
  std::size_t pos = 0;
  while (true) {
    while (pos < line.size() && isSpace(line[pos])) ++pos;
    if (pos >= line.size()) return true;
    SieToken token;
    const char c = line[pos];
    if (c == '"') {
      token.kind = SieTokenKind::Quoted;
      if (!readQuoted(line, pos, token.text)) return false;
    } else if (c == '{') {
      if (!readObjectList(line, pos, token)) return false;
    } else {
      const std::size_t end = wordEnd(line, pos, false);
      token.text = line.substr(pos, end - pos);
      pos = end;
    }
    tokens_.push_back(token);
  }
}

}  // namespace namnd
