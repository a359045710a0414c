#include "ingest/csv/text_encoding.hpp"

#include <array>

#include "core/errors.hpp"

namespace namnd {
namespace {

// Length of the UTF-8 sequence announced by a lead byte, 0 for a byte that cannot lead one.
std::size_t sequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Whether s[0..length) is a valid UTF-8 sequence (no overlongs, surrogates or > U+10FFFF).
bool validSequence(std::string_view s, std::size_t length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  std::uint32_t codePoint = byte(0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return false;
    codePoint = (codePoint << 6) | (byte(k) & 0x3F);
  }
  return !((length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000) ||
           codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF));
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

StreamingDecoder::StreamingDecoder(std::string displayName)
    : displayName_(std::move(displayName)) {}

void StreamingDecoder::fail(const std::string& reason) const {
  throw InputError({displayName_, line_, ""}, reason);
}

void StreamingDecoder::decodeWindows1252(std::string_view bytes, std::string& out) {
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b == 0) fail("filen innehåller en NUL-byte; den är inte en textfil");
    if (b == '\n') ++line_;
    if (b < 0x80) {
      out += c;
    } else if (b < 0xA0) {
      const std::uint16_t mapped = kCp1252High[b - 0x80];
      if (mapped == 0) fail("filen är varken UTF-8 eller Windows-1252 (byte " + hexByte(b) + ")");
      appendUtf8(out, mapped);
    } else {
      appendUtf8(out, b);  // Latin-1 range: same code point
    }
  }
}

void StreamingDecoder::decode(std::string_view bytes, std::string& out) {
  std::string joined;
  if (!pending_.empty()) {
    joined = pending_ + std::string(bytes);
    pending_.clear();
    bytes = joined;
  }
  if (!started_) {
    if (!bytes.empty() && bytes.size() < 3 &&
        std::string_view("\xEF\xBB\xBF").substr(0, bytes.size()) == bytes) {
      pending_ = std::string(bytes);  // maybe the start of a BOM: wait for more
      return;
    }
    started_ = true;
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
      fail("filen är kodad som UTF-16; spara den som UTF-8 eller Windows-1252");
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      encoding_ = TextEncoding::Utf8WithBom;
      bytes.remove_prefix(3);
    }
  }
  if (encoding_ == TextEncoding::Windows1252) return decodeWindows1252(bytes, out);

  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      if (b == 0) {
        out.append(bytes.substr(0, i));
        fail("filen innehåller en NUL-byte; den är inte en textfil");
      }
      line_ += b == '\n';
      ++i;
      continue;
    }
    const std::size_t length = sequenceLength(b);
    if (length != 0 && i + length > bytes.size()) {
      // Possibly a sequence split across blocks: keep its start for the next block.
      bool plausible = true;
      for (std::size_t k = i + 1; k < bytes.size(); ++k)
        plausible &= (static_cast<unsigned char>(bytes[k]) & 0xC0) == 0x80;
      if (plausible) {
        out.append(bytes.substr(0, i));
        pending_ = std::string(bytes.substr(i));
        return;
      }
    }
    if (length != 0 && i + length <= bytes.size() && validSequence(bytes.substr(i), length)) {
      sawNonAscii_ = true;
      i += length;
      continue;
    }
    // Not UTF-8. Everything so far was ASCII only if no multibyte sequence was seen: then the
    // file is Windows-1252 from the start, and what was copied reads the same in both.
    out.append(bytes.substr(0, i));
    if (sawNonAscii_ || encoding_ == TextEncoding::Utf8WithBom)
      fail("filen blandar UTF-8 med en annan teckenkodning (byte " + hexByte(b) + ")");
    encoding_ = TextEncoding::Windows1252;
    return decodeWindows1252(bytes.substr(i), out);
  }
  out.append(bytes);
}

void StreamingDecoder::finish(std::string& out) {
  if (pending_.empty()) return;
  if (!started_) {  // a file of one or two bytes that began like a BOM
    started_ = true;
    std::string rest;
    rest.swap(pending_);
    decode(rest, out);
    if (pending_.empty()) return;
  }
  if (sawNonAscii_ || encoding_ == TextEncoding::Utf8WithBom)
    fail("filen slutar mitt i ett UTF-8-tecken");
  encoding_ = TextEncoding::Windows1252;
  std::string rest;
  rest.swap(pending_);
  decodeWindows1252(rest, out);
}

DecodedText decodeText(std::string bytes, std::string_view displayName) {
  StreamingDecoder decoder{std::string(displayName)};
  DecodedText result;
  result.utf8.reserve(bytes.size());
  decoder.decode(bytes, result.utf8);
  decoder.finish(result.utf8);
  result.encoding = decoder.encoding();
  return result;
}

}  // namespace namnd
