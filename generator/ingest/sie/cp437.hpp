#pragma once
// Code page 437, which SIE calls "PC8": the IBM PC character set that the SIE standard still
// prescribes (#FORMAT PC8). Every byte is defined, so conversion to UTF-8 cannot fail.

#include <string>
#include <string_view>

namespace namnd {

// The Unicode code point of one CP437 byte (bytes below 0x80 are ASCII).
char32_t cp437CodePoint(unsigned char byte);

// Appends `bytes`, read as CP437, to `out` as UTF-8.
void appendCp437AsUtf8(std::string_view bytes, std::string& out);

}  // namespace namnd
