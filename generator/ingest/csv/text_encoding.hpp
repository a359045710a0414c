#pragma once
// Exports arrive as UTF-8 (with or without BOM) or Windows-1252. Everything inside the generator
// is UTF-8; this is where bytes become text.

#include <string>
#include <string_view>

namespace namnd {

enum class TextEncoding { Utf8, Utf8WithBom, Windows1252 };

std::string_view encodingName(TextEncoding encoding);  // "UTF-8", "UTF-8 med BOM", "Windows-1252"

struct DecodedText {
  std::string utf8;  // without BOM
  TextEncoding encoding;
};

// Detects the encoding and returns UTF-8 text. Throws InputError (naming `displayName` and the
// line of the offending byte) for UTF-16/32 BOMs, NUL bytes, and bytes that are neither valid
// UTF-8 nor defined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D).
DecodedText decodeText(std::string bytes, std::string_view displayName);

}  // namespace namnd
