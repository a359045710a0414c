#include "store/tab_separated_writer.hpp"

#include <charconv>

namespace namnd {

void appendTsvEscaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\0':
        out += "\\0";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += c;
    }
  }
}

void TsvWriter::separate() {
  if (rowStarted_) out_ += '\t';
  rowStarted_ = true;
}

void TsvWriter::text(std::string_view value) {
  separate();
  appendTsvEscaped(out_, value);
}

void TsvWriter::number(std::int64_t value) {
  separate();
  char digits[24];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void TsvWriter::null() {
  separate();
  out_ += "\\N";
}

void TsvWriter::endRow() {
  out_ += '\n';
  rowStarted_ = false;
  ++rows_;
}

void TsvWriter::clear() {
  out_.clear();
  rows_ = 0;
  rowStarted_ = false;
}

}  // namespace namnd
