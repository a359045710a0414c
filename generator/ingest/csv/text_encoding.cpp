#include "ingest/csv/text_encoding.hpp"

#include <array>
#include <cstdint>

#include "core/errors.hpp"

namespace namnd {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points beyond U+10FFFF are invalid).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length;
  std::uint32_t codePoint;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    codePoint = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    codePoint = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    codePoint = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    codePoint = (codePoint << 6) | (byte(i + k) & 0x3F);
  }
  if ((length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000) ||
      codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
    return 0;
  return length;
}

// Windows-1252 0x80–0x9F; 0 marks the five undefined bytes.
constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void appendUtf8(std::string& out, std::uint32_t codePoint) {
  if (codePoint < 0x80) {
    out += static_cast<char>(codePoint);
  } else if (codePoint < 0x800) {
    out += static_cast<char>(0xC0 | (codePoint >> 6));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (codePoint >> 12));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  }
}

std::int64_t lineOf(std::string_view text, std::size_t offset) {
  std::int64_t line = 1;
  for (std::size_t i = 0; i < offset; ++i) line += text[i] == '\n';
  return line;
}

std::string hexByte(unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[b >> 4] + kHex[b & 0xF];
}

}  // namespace

std::string_view encodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Utf8:
      return "UTF-8";
    case TextEncoding::Utf8WithBom:
      return "UTF-8 med BOM";
    case TextEncoding::Windows1252:
      return "Windows-1252";
  }
  return "";
}

DecodedText decodeText(std::string bytes, std::string_view displayName) {
  const SourceLocation file{std::string(displayName), 0, ""};
  const std::string_view view(bytes);
  if (view.substr(0, 2) == "\xFF\xFE" || view.substr(0, 2) == "\xFE\xFF")
    throw InputError(file, "filen är kodad som UTF-16; spara den som UTF-8 eller Windows-1252");
  if (const std::size_t nul = view.find('\0'); nul != std::string_view::npos)
    throw InputError({file.file, lineOf(view, nul), ""},
                     "filen innehåller en NUL-byte; den är inte en textfil");

  std::size_t start = 0;
  TextEncoding encoding = TextEncoding::Utf8;
  if (view.substr(0, 3) == "\xEF\xBB\xBF") {
    start = 3;
    encoding = TextEncoding::Utf8WithBom;
  }
  std::size_t firstInvalid = std::string_view::npos;
  for (std::size_t i = start; i < view.size();) {
    const std::size_t length = utf8SequenceLength(view, i);
    if (length == 0) {
      firstInvalid = i;
      break;
    }
    i += length;
  }
  if (firstInvalid == std::string_view::npos) {
    if (start > 0) bytes.erase(0, start);
    return {std::move(bytes), encoding};
  }
  if (encoding == TextEncoding::Utf8WithBom)
    throw InputError({file.file, lineOf(view, firstInvalid), ""},
                     "filen börjar med UTF-8-BOM men innehåller ogiltig UTF-8 (byte " +
                         hexByte(static_cast<unsigned char>(view[firstInvalid])) + ")");

  std::string utf8;
  utf8.reserve(bytes.size() + bytes.size() / 16);
  for (std::size_t i = 0; i < view.size(); ++i) {
    const auto b = static_cast<unsigned char>(view[i]);
    if (b < 0x80) {
      utf8 += static_cast<char>(b);
    } else if (b < 0xA0) {
      const std::uint16_t mapped = kCp1252High[b - 0x80];
      if (mapped == 0)
        throw InputError({file.file, lineOf(view, i), ""},
                         "filen är varken UTF-8 eller Windows-1252 (byte " + hexByte(b) + ")");
      appendUtf8(utf8, mapped);
    } else {
      appendUtf8(utf8, b);  // Latin-1 range maps to the same code point
    }
  }
  return {std::move(utf8), TextEncoding::Windows1252};
}

}  // namespace namnd
