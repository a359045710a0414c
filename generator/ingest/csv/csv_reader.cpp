#include "ingest/csv/csv_reader.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/errors.hpp"

namespace namnd {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;

// The top bit of every byte of w that equals `byteTimesOnes`'s byte, and no other bit (exact:
// no borrow crosses a byte, unlike the usual haszero trick).
std::uint64_t bytesEqual(std::uint64_t w, std::uint64_t byteTimesOnes) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const std::uint64_t x = w ^ byteTimesOnes;
  return ~(((x & kLow7) + kLow7) | x) & ~kLow7;
}

}  // namespace

std::size_t firstLineEnd(std::string_view text) {
  bool quoted = false;
  for (std::size_t i = text.find_first_not_of("\r\n"); i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == '\n' && !quoted) return i;
  }
  return std::string_view::npos;
}

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

CsvReader::CsvReader(char separator, std::string displayName)
    : separator_(separator), displayName_(std::move(displayName)) {}

CsvReader::CsvReader(std::string_view text, char separator, std::string displayName)
    : buffer_(text), finished_(true), separator_(separator), displayName_(std::move(displayName)) {}

void CsvReader::append(std::string_view text) {
  // Drop what earlier records consumed, so the buffer holds about one block.
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  buffer_.append(text);
}

CsvReader::FieldEnd CsvReader::readQuoted(std::size_t fieldIndex, std::string_view& field) {
  if (unescaped_.size() <= fieldIndex) unescaped_.resize(fieldIndex + 1);
  std::string& out = unescaped_[fieldIndex];
  out.clear();
  std::size_t at = pos_ + 1;  // after the opening quote
  while (true) {
    const std::size_t quote = buffer_.find('"', at);
    if (quote == std::string::npos) {
      if (!finished_) return FieldEnd::Incomplete;
      throw InputError({displayName_, line_, std::to_string(fieldIndex + 1)},
                       "citattecknet som öppnas här stängs aldrig");
    }
    out.append(buffer_, at, quote - at);
    at = quote + 1;
    if (at >= buffer_.size() && !finished_) return FieldEnd::Incomplete;  // maybe ""
    if (at < buffer_.size() && buffer_[at] == '"') {                      // "" is a literal quote
      out += '"';
      ++at;
      continue;
    }
    break;
  }
  if (at < buffer_.size() && buffer_[at] == '\r') {
    if (at + 1 >= buffer_.size() && !finished_) return FieldEnd::Incomplete;
    if (at + 1 < buffer_.size() && buffer_[at + 1] == '\n') ++at;
  }
  const bool atEnd = at >= buffer_.size();
  if (!atEnd && buffer_[at] != separator_ && buffer_[at] != '\n')
    throw InputError({displayName_, line_ + std::count(out.begin(), out.end(), '\n'),
                      std::to_string(fieldIndex + 1)},
                     "text efter ett avslutande citattecken");
  line_ += std::count(out.begin(), out.end(), '\n');
  field = out;
  pos_ = atEnd ? at : at + 1;
  if (atEnd || buffer_[at] == '\n') {
    line_ += atEnd ? 0 : 1;
    return FieldEnd::Record;
  }
  return FieldEnd::Separator;
}

CsvReader::FieldEnd CsvReader::readPlain(std::string_view& field) {
  std::size_t end = pos_;
  while (end < buffer_.size() && buffer_[end] != separator_ && buffer_[end] != '\n') ++end;
  if (end >= buffer_.size() && !finished_) return FieldEnd::Incomplete;
  field = std::string_view(buffer_).substr(pos_, end - pos_);
  if (end >= buffer_.size()) {
    pos_ = end;
    if (!field.empty() && field.back() == '\r') field.remove_suffix(1);
    return FieldEnd::Record;
  }
  pos_ = end + 1;
  if (buffer_[end] == '\n') {
    ++line_;
    if (!field.empty() && field.back() == '\r') field.remove_suffix(1);
    return FieldEnd::Record;
  }
  return FieldEnd::Separator;
}

bool CsvReader::readSimpleLine() {
  // Almost every record is one line without quotes: find its end and check it for quotes (both
  // memchr), then split it at the separators, found eight bytes at a time. Anything else is left
  // to the general reader, from the start of the record.
  if constexpr (std::endian::native != std::endian::little) return false;
  const char* const data = buffer_.data();
  const char* const end = data + buffer_.size();
  const char* fieldStart = data + pos_;
  const auto* lineEnd = static_cast<const char*>(
      std::memchr(fieldStart, '\n', static_cast<std::size_t>(end - fieldStart)));
  if (lineEnd == nullptr ||
      std::memchr(fieldStart, '"', static_cast<std::size_t>(lineEnd - fieldStart)) != nullptr)
    return false;
  const std::uint64_t separators = kOnes * static_cast<unsigned char>(separator_);
  const char* p = fieldStart;
  for (; lineEnd - p >= 8; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    for (std::uint64_t seps = bytesEqual(w, separators); seps != 0; seps &= seps - 1) {
      const char* sep = p + std::countr_zero(seps) / 8;
      fields_.emplace_back(fieldStart, static_cast<std::size_t>(sep - fieldStart));
      fieldStart = sep + 1;
    }
  }
  for (; p < lineEnd; ++p) {
    if (*p != separator_) continue;
    fields_.emplace_back(fieldStart, static_cast<std::size_t>(p - fieldStart));
    fieldStart = p + 1;
  }
  std::string_view last(fieldStart, static_cast<std::size_t>(lineEnd - fieldStart));
  if (!last.empty() && last.back() == '\r') last.remove_suffix(1);
  fields_.push_back(last);
  pos_ = static_cast<std::size_t>(lineEnd + 1 - data);
  ++line_;
  return true;
}

CsvReader::Step CsvReader::step() {
  fields_.clear();
  // Skip empty lines (also "\r\n").
  while (pos_ < buffer_.size() && (buffer_[pos_] == '\n' || buffer_[pos_] == '\r')) {
    if (buffer_[pos_] == '\r' && pos_ + 1 >= buffer_.size() && !finished_) return Step::NeedMore;
    line_ += buffer_[pos_] == '\n';
    ++pos_;
  }
  if (pos_ >= buffer_.size()) return finished_ ? Step::End : Step::NeedMore;

  recordLine_ = line_;
  if (readSimpleLine()) return Step::Record;

  const std::size_t recordStart = pos_;
  const std::int64_t startLine = line_;
  while (true) {
    std::string_view field;
    const FieldEnd end = pos_ < buffer_.size() && buffer_[pos_] == '"'
                             ? readQuoted(fields_.size(), field)
                             : readPlain(field);
    if (end == FieldEnd::Incomplete) {
      pos_ = recordStart;  // read the whole record again once more text has arrived
      line_ = startLine;
      fields_.clear();
      return Step::NeedMore;
    }
    fields_.push_back(field);
    if (end == FieldEnd::Record) return Step::Record;
  }
}

}  // namespace namnd
