#include "ingest/csv/text_encoding.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

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

// Where the run of plain ASCII starting at `from` ends: the index of the first NUL or byte
// ≥ 0x80, or bytes.size(). Almost every byte of an export is ASCII, so this looks at 16 bytes
// at a time: a byte stops the run if its top bit is set or it is zero.
inline std::size_t asciiRunEnd(std::string_view bytes, std::size_t from) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const auto stops = [](std::uint64_t w) {
    // (w & 0x7F…) + 0x7F… sets a byte's top bit unless its low seven bits are all zero.
    return (w | ~((w & kLow7) + kLow7)) & kHigh;
  };
  const char* data = bytes.data();
  std::size_t i = from;
  for (; i + 16 <= bytes.size(); i += 16) {
    std::uint64_t a, b;
    std::memcpy(&a, data + i, 8);
    std::memcpy(&b, data + i + 8, 8);
    const std::uint64_t stopsA = stops(a);
    const std::uint64_t stopsB = stops(b);
    if ((stopsA | stopsB) == 0) continue;
    if constexpr (std::endian::native == std::endian::little)  // the lowest bit is the first byte
      return i + static_cast<std::size_t>(stopsA != 0 ? std::countr_zero(stopsA) / 8
                                                      : 8 + std::countr_zero(stopsB) / 8);
    break;
  }
  while (i < bytes.size()) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (c == 0 || c >= 0x80) break;
    ++i;
  }
  return i;
}

// Counts '\n' eight bytes at a time into per-byte counters (at most 255 words per round, so none
// overflows), then adds the counters up: about 4× faster than std::count here.
std::int64_t countNewlines(std::string_view bytes) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr std::uint64_t kEvenBytes = 0x00FF00FF00FF00FFULL;
  const char* data = bytes.data();
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  std::int64_t total = 0;
  while (n - i >= 8) {
    std::uint64_t counters = 0;
    const std::size_t words = std::min<std::size_t>((n - i) / 8, 255);
    for (std::size_t k = 0; k < words; ++k, i += 8) {
      std::uint64_t w;
      std::memcpy(&w, data + i, sizeof w);
      const std::uint64_t x = w ^ (kOnes * '\n');
      counters += (~(((x & kLow7) + kLow7) | x) & ~kLow7) >> 7;  // 1 in each byte that was '\n'
    }
    counters = (counters & kEvenBytes) + ((counters >> 8) & kEvenBytes);  // four 16-bit sums
    total += static_cast<std::int64_t>((counters * 0x0001000100010001ULL) >> 48);
  }
  for (; i < n; ++i) total += data[i] == '\n';
  return total;
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
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t runEnd = asciiRunEnd(bytes, i);
    const std::string_view run = bytes.substr(i, runEnd - i);
    line_ += countNewlines(run);
    out.append(run);
    i = runEnd;
    if (i == bytes.size()) break;
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b == 0) fail("filen innehåller en NUL-byte; den är inte en textfil");
    if (b < 0xA0) {
      const std::uint16_t mapped = kCp1252High[b - 0x80];
      if (mapped == 0) fail("filen är varken UTF-8 eller Windows-1252 (byte " + hexByte(b) + ")");
      appendUtf8(out, mapped);
    } else {
      appendUtf8(out, b);  // Latin-1 range: same code point
    }
    ++i;
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
    // Maybe the start of a BOM (UTF-8, or the UTF-16 ones refused below): wait for more, so
    // that a block boundary inside it does not change how the file reads.
    const auto startsBom = [&](std::string_view bom) {
      return bytes.size() < bom.size() && bom.substr(0, bytes.size()) == bytes;
    };
    if (!bytes.empty() &&
        (startsBom("\xEF\xBB\xBF") || startsBom("\xFF\xFE") || startsBom("\xFE\xFF"))) {
      pending_ = std::string(bytes);
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

  // Lines are counted only for what has been passed when an error (or the end) is reached.
  std::size_t i = 0;
  while (true) {
    i = asciiRunEnd(bytes, i);
    if (i == bytes.size()) break;
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b == 0) {
      line_ += countNewlines(bytes.substr(0, i));
      out.append(bytes.substr(0, i));
      fail("filen innehåller en NUL-byte; den är inte en textfil");
    }
    // The common case in Swedish text (å, ä, ö): a whole two-byte sequence. Its lead byte
    // C2–DF rules out overlongs, so a continuation byte is all it needs to be valid.
    if (b >= 0xC2 && b <= 0xDF && i + 1 < bytes.size() &&
        (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80) {
      sawNonAscii_ = true;
      i += 2;
      continue;
    }
    const std::size_t length = sequenceLength(b);
    if (length != 0 && i + length > bytes.size()) {
      // Possibly a sequence split across blocks: keep its start for the next block.
      bool plausible = true;
      for (std::size_t k = i + 1; k < bytes.size(); ++k)
        plausible &= (static_cast<unsigned char>(bytes[k]) & 0xC0) == 0x80;
      if (plausible) {
        line_ += countNewlines(bytes.substr(0, i));
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
    line_ += countNewlines(bytes.substr(0, i));
    out.append(bytes.substr(0, i));
    if (sawNonAscii_ || encoding_ == TextEncoding::Utf8WithBom)
      fail("filen blandar UTF-8 med en annan teckenkodning (byte " + hexByte(b) + ")");
    encoding_ = TextEncoding::Windows1252;
    return decodeWindows1252(bytes.substr(i), out);
  }
  line_ += countNewlines(bytes);
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
