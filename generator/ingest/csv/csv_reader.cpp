#include "ingest/csv/csv_reader.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace namnd {

char detectSeparator(std::string_view text) {
  // The header is the first line with text: the reader skips empty lines, so must this.
  text.remove_prefix(std::min(text.size(), text.find_first_not_of("\r\n")));
  std::size_t semicolons = 0, tabs = 0, commas = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    semicolons += c == ';';
    tabs += c == '\t';
    commas += c == ',';
  }
  // Semicolon wins ties: Swedish exports use it because the comma is the decimal sign.
  if (semicolons >= tabs && semicolons >= commas) return semicolons > 0 || commas == 0 ? ';' : ',';
  return tabs >= commas ? '\t' : ',';
}

CsvReader::CsvReader(std::string_view text, char separator, std::string displayName)
    : text_(text), separator_(separator), displayName_(std::move(displayName)) {}

std::string_view CsvReader::readQuoted(std::size_t fieldIndex) {
  if (unescaped_.size() <= fieldIndex) unescaped_.resize(fieldIndex + 1);
  std::string& out = unescaped_[fieldIndex];
  out.clear();
  const std::int64_t openedOn = line_;
  ++pos_;  // opening quote
  while (true) {
    const std::size_t quote = text_.find('"', pos_);
    if (quote == std::string_view::npos)
      throw InputError({displayName_, openedOn, std::to_string(fieldIndex + 1)},
                       "citattecknet som öppnas här stängs aldrig");
    for (std::size_t i = pos_; i < quote; ++i) line_ += text_[i] == '\n';
    out.append(text_.substr(pos_, quote - pos_));
    pos_ = quote + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {  // "" is a literal quote
      out += '"';
      ++pos_;
      continue;
    }
    break;
  }
  if (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n' &&
      text_[pos_] != '\r')
    throw InputError({displayName_, line_, std::to_string(fieldIndex + 1)},
                     "text efter ett avslutande citattecken");
  return out;
}

bool CsvReader::next() {
  fields_.clear();
  // Skip empty lines (also "\r\n").
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    line_ += text_[pos_] == '\n';
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  recordLine_ = line_;
  while (true) {
    std::string_view field;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      field = readQuoted(fields_.size());
    } else {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n') ++pos_;
      field = text_.substr(start, pos_ - start);
      if (!field.empty() && field.back() == '\r' && (pos_ >= text_.size() || text_[pos_] == '\n'))
        field.remove_suffix(1);
    }
    fields_.push_back(field);
    if (pos_ < text_.size() && text_[pos_] == separator_) {
      ++pos_;
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

}  // namespace namnd
