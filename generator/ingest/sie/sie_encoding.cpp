#include "ingest/sie/sie_encoding.hpp"

#include <array>
#include <cstring>

#include "core/errors.hpp"
#include "ingest/csv/text_encoding.hpp"
#include "ingest/sie/cp437.hpp"

namespace namnd {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr int kFormatLines = 200;  // #FORMAT is looked for among this many first lines

// Per byte: Å Ä Ö å ä ö É é Ü ü as each code page writes them (whichever explains more of the
// high bytes is the likelier encoding; the two sets do not overlap), and the five bytes that
// Windows-1252 leaves undefined.
enum : std::uint8_t { kCp437Letter = 1, kCp1252Letter = 2, kUndefinedIn1252 = 4 };
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (const unsigned char b : {0x86, 0x84, 0x94, 0x8F, 0x8E, 0x99, 0x82, 0x90, 0x81, 0x9A})
    table[b] |= kCp437Letter;
  for (const unsigned char b : {0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6, 0xE9, 0xC9, 0xFC, 0xDC})
    table[b] |= kCp1252Letter;
  for (const unsigned char b : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) table[b] |= kUndefinedIn1252;
  return table;
}();

bool isPc8Name(const std::string& format) {
  std::string upper = format;
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return upper == "PC8";
}

std::int64_t lineOf(std::string_view text, std::size_t offset) {
  std::int64_t line = 1;
  for (std::size_t i = 0; i < offset; ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

void SieEncodingEvidence::add(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (need_ == 0) {
      // SIE files are mostly ASCII: skip it eight bytes at a time.
      constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
      std::uint64_t word;
      while (i + 8 <= n && (std::memcpy(&word, p + i, 8), (word & kHighBits) == 0)) i += 8;
      while (i < n && p[i] < 0x80) ++i;
      if (i == n) break;
    }
    const unsigned char b = p[i++];
    if (b >= 0x80) {
      highBytes_ = true;
      const std::uint8_t kind = kByteClass[b];
      cp437Letters_ += (kind & kCp437Letter) != 0;
      cp1252Letters_ += (kind & kCp1252Letter) != 0;
      undefinedIn1252_ = undefinedIn1252_ || (kind & kUndefinedIn1252) != 0;
    }
    if (!utf8_) continue;
    if (need_ > 0) {
      if ((b & 0xC0) != 0x80) {
        utf8_ = false;
        need_ = 0;
        continue;
      }
      codePoint_ = (codePoint_ << 6) | (b & 0x3Fu);
      if (--need_ == 0 &&
          ((length_ == 3 && codePoint_ < 0x800) || (length_ == 4 && codePoint_ < 0x10000) ||
           codePoint_ > 0x10FFFF || (codePoint_ >= 0xD800 && codePoint_ <= 0xDFFF)))
        utf8_ = false;  // overlong, beyond Unicode or a surrogate
      continue;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      length_ = 2;
      codePoint_ = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length_ = 3;
      codePoint_ = b & 0x0Fu;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length_ = 4;
      codePoint_ = b & 0x07u;
    } else {
      utf8_ = false;  // a continuation byte without a lead, or a byte UTF-8 never uses
      continue;
    }
    need_ = length_ - 1;
  }
}

void SieEncodingEvidence::finish() {
  if (need_ > 0) utf8_ = false;
  need_ = 0;
}

SieEncoding SieEncodingEvidence::decide(const std::string& format) const {
  if (!highBytes_) return SieEncoding::Ascii;
  if (utf8_) return SieEncoding::Utf8;
  const bool looksLike1252 = (isPc8Name(format) || format.empty())
                                 ? cp1252Letters_ > cp437Letters_
                                 : cp1252Letters_ >= cp437Letters_;
  return looksLike1252 && !undefinedIn1252_ ? SieEncoding::Windows1252 : SieEncoding::Pc8;
}

// Per line: skip spaces and tabs, take the next seven bytes as the label; after "#FORMAT" (in
// any case) and spaces or tabs, the value runs to a space, tab or carriage return.
void SieFormatScan::add(std::string_view bytes) {
  for (const char c : bytes) {
    if (state_ == State::Done) return;
    if (c == '\n') {
      endLine();
      continue;
    }
    switch (state_) {
      case State::Indent:
        if (c == ' ' || c == '\t') break;
        state_ = State::Label;
        [[fallthrough]];
      case State::Label:
        label_ += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (label_.size() == 7) state_ = label_ == "#FORMAT" ? State::BeforeValue : State::Rest;
        break;
      case State::BeforeValue:
        if (c == ' ' || c == '\t') break;
        state_ = State::Value;
        [[fallthrough]];
      case State::Value:
        if (c == ' ' || c == '\t' || c == '\r')
          found();
        else
          value_ += c;
        break;
      case State::Rest:
      case State::Done:
        break;
    }
  }
}

void SieFormatScan::endLine() {
  if (state_ == State::BeforeValue || state_ == State::Value) return found();
  label_.clear();
  state_ = ++lines_ < kFormatLines ? State::Indent : State::Done;
}

void SieFormatScan::found() {
  if (value_.size() >= 2 && value_.front() == '"' && value_.back() == '"')
    value_ = value_.substr(1, value_.size() - 2);
  format_ = value_.empty() ? std::string("\"\"") : value_;
  state_ = State::Done;
}

void SieFormatScan::finish() {
  if (state_ == State::BeforeValue || state_ == State::Value) found();
  state_ = State::Done;
}

std::string sieEncodingNote(SieEncoding encoding, const std::string& format) {
  const bool saysPc8 = isPc8Name(format);
  const std::string formatText = format.empty() ? "#FORMAT saknas" : "#FORMAT " + format;
  switch (encoding) {
    case SieEncoding::Ascii:
      return "Teckenkodning: filen har bara ASCII-tecken, så PC8 och UTF-8 ger samma text.";
    case SieEncoding::Utf8:
      return "Teckenkodning: UTF-8, eftersom innehållet är giltig UTF-8 (" + formatText +
             (saysPc8 ? ", men PC8 skulle ge fel tecken)." : ").");
    case SieEncoding::Windows1252:
      return "Teckenkodning: Windows-1252, eftersom å, ä och ö är skrivna så (" + formatText +
             (saysPc8 ? ", men innehållet är inte PC8)." : ").");
    case SieEncoding::Pc8:
      break;
  }
  if (saysPc8) return "Teckenkodning: PC8 (kodsida 437) enligt #FORMAT PC8.";
  if (format.empty())
    return "Teckenkodning: PC8 (kodsida 437), SIE-standardens förval när #FORMAT saknas.";
  return "Teckenkodning: PC8 (kodsida 437), eftersom å, ä och ö är skrivna så (" + formatText +
         " är okänt).";
}

void refuseWideSieEncoding(std::string_view head, const std::string& displayName) {
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") ||
      head.starts_with(std::string_view("\x00\x00\xFE\xFF", 4)))
    throw InputError({displayName, 0, ""},
                     "filen är kodad som UTF-16 eller UTF-32, vilket SIE "
                     "inte tillåter (spara som PC8)");
}

void refuseSieNul(const std::string& displayName, std::int64_t line) {
  throw InputError({displayName, line, ""},
                   "filen innehåller ett NUL-tecken; den är binär eller har fel teckenkodning");
}

SieText decodeSie(const SourceFile& file) {
  std::string_view bytes = file.bytes;
  refuseWideSieEncoding(bytes, file.displayName);
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size()))
    refuseSieNul(
        file.displayName,
        lineOf(bytes, static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data())));
  if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());

  SieEncodingEvidence evidence;
  evidence.add(bytes);
  evidence.finish();
  SieFormatScan scan;
  scan.add(bytes);
  scan.finish();
  SieText result;
  result.encoding_ = evidence.decide(scan.format());
  result.note_ = sieEncodingNote(result.encoding_, scan.format());
  switch (result.encoding_) {
    case SieEncoding::Ascii:
    case SieEncoding::Utf8:
      result.original_ = bytes;
      break;
    case SieEncoding::Windows1252:
      result.utf8_ = decodeText(std::string(bytes), file.displayName).utf8;
      result.converted_ = true;
      break;
    case SieEncoding::Pc8:
      result.utf8_.reserve(bytes.size() + bytes.size() / 8);
      appendCp437AsUtf8(bytes, result.utf8_);
      result.converted_ = true;
      break;
  }
  return result;
}

}  // namespace namnd
