#include "ingest/sie/sie_encoding.hpp"

#include <cstdint>
#include <cstring>

#include "core/errors.hpp"
#include "ingest/csv/text_encoding.hpp"
#include "ingest/sie/cp437.hpp"

namespace namnd {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not UTF-8.
std::size_t utf8Length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = at(i);
  std::size_t length;
  std::uint32_t cp;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((at(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (at(i + k) & 0x3Fu);
  }
  if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return length;
}

// Å Ä Ö å ä ö É é Ü ü as each code page writes them: whichever explains more of the high bytes
// is the likelier encoding (the two sets do not overlap).
bool isCp437SwedishLetter(unsigned char b) {
  switch (b) {
    case 0x86:
    case 0x84:
    case 0x94:
    case 0x8F:
    case 0x8E:
    case 0x99:
    case 0x82:
    case 0x90:
    case 0x81:
    case 0x9A:
      return true;
    default:
      return false;
  }
}
bool isCp1252SwedishLetter(unsigned char b) {
  switch (b) {
    case 0xE5:
    case 0xE4:
    case 0xF6:
    case 0xC5:
    case 0xC4:
    case 0xD6:
    case 0xE9:
    case 0xC9:
    case 0xFC:
    case 0xDC:
      return true;
    default:
      return false;
  }
}
bool isUndefinedInCp1252(unsigned char b) {
  return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
}

std::int64_t lineOf(std::string_view text, std::size_t offset) {
  std::int64_t line = 1;
  for (std::size_t i = 0; i < offset; ++i) line += text[i] == '\n';
  return line;
}

// The value of the first `#FORMAT` record among the first lines (the identification block
// comes first), or empty when there is none. Labels are ASCII in every encoding.
std::string declaredFormat(std::string_view bytes) {
  constexpr int kHeaderLines = 200;
  std::size_t pos = 0;
  for (int n = 0; n < kHeaderLines && pos < bytes.size(); ++n) {
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.size() < 7) continue;
    std::string label(line.substr(0, 7));
    for (char& c : label)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (label != "#FORMAT") continue;
    line.remove_prefix(7);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    std::size_t valueEnd = 0;
    while (valueEnd < line.size() && line[valueEnd] != ' ' && line[valueEnd] != '\t' &&
           line[valueEnd] != '\r')
      ++valueEnd;
    std::string value(line.substr(0, valueEnd));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return value.empty() ? std::string("\"\"") : value;
  }
  return {};
}

bool isPc8Name(const std::string& format) {
  std::string upper = format;
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return upper == "PC8";
}

}  // namespace

SieText decodeSie(const SourceFile& file) {
  std::string_view bytes = file.bytes;
  const auto fail = [&](std::int64_t line, const std::string& reason) {
    throw InputError({file.displayName, line, ""}, reason);
  };
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
      bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4)))
    fail(0, "filen är kodad som UTF-16 eller UTF-32, vilket SIE inte tillåter (spara som PC8)");
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size()))
    fail(lineOf(bytes, static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data())),
         "filen innehåller ett NUL-tecken; den är binär eller har fel teckenkodning");

  const bool bom = bytes.starts_with("\xEF\xBB\xBF");
  if (bom) bytes.remove_prefix(3);
  bool utf8 = true;
  bool highBytes = false;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    highBytes = true;
    const std::size_t n = utf8Length(bytes, i);
    if (n == 0) {
      utf8 = false;
      break;
    }
    i += n;
  }
  bool undefinedIn1252 = false;
  std::int64_t cp437Letters = 0;
  std::int64_t cp1252Letters = 0;
  if (!utf8) {
    for (const char c : bytes) {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x80) continue;
      cp437Letters += isCp437SwedishLetter(b);
      cp1252Letters += isCp1252SwedishLetter(b);
      undefinedIn1252 = undefinedIn1252 || isUndefinedInCp1252(b);
    }
  }

  const std::string format = declaredFormat(bytes);
  const bool saysPc8 = isPc8Name(format);
  const std::string formatText = format.empty() ? "#FORMAT saknas" : "#FORMAT " + format;
  SieText result;
  if (!highBytes) {
    result.encoding_ = SieEncoding::Ascii;
    result.original_ = bytes;
    result.note_ = "Teckenkodning: filen har bara ASCII-tecken, så PC8 och UTF-8 ger samma text.";
    return result;
  }
  if (utf8) {
    result.encoding_ = SieEncoding::Utf8;
    result.original_ = bytes;
    result.note_ = "Teckenkodning: UTF-8, eftersom innehållet är giltig UTF-8 (" + formatText +
                   (saysPc8 ? ", men PC8 skulle ge fel tecken)." : ").");
    return result;
  }
  const bool looksLike1252 =
      (saysPc8 || format.empty()) ? cp1252Letters > cp437Letters : cp1252Letters >= cp437Letters;
  if (looksLike1252 && !undefinedIn1252) {
    result.encoding_ = SieEncoding::Windows1252;
    result.utf8_ = decodeText(std::string(bytes), file.displayName).utf8;
    result.converted_ = true;
    result.note_ = "Teckenkodning: Windows-1252, eftersom å, ä och ö är skrivna så (" + formatText +
                   (saysPc8 ? ", men innehållet är inte PC8)." : ").");
    return result;
  }
  result.encoding_ = SieEncoding::Pc8;
  result.utf8_.reserve(bytes.size() + bytes.size() / 8);
  appendCp437AsUtf8(bytes, result.utf8_);
  result.converted_ = true;
  if (saysPc8)
    result.note_ = "Teckenkodning: PC8 (kodsida 437) enligt #FORMAT PC8.";
  else if (format.empty())
    result.note_ = "Teckenkodning: PC8 (kodsida 437), SIE-standardens förval när #FORMAT saknas.";
  else
    result.note_ = "Teckenkodning: PC8 (kodsida 437), eftersom å, ä och ö är skrivna så (" +
                   formatText + " är okänt).";
  return result;
}

}  // namespace namnd
