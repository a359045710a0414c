#pragma once
// Text from outside the tool (file names, titles read from files) on its way into a page: the
// page is UTF-8, so a byte sequence that is not UTF-8 must not reach it unchanged.

#include <string>
#include <string_view>

namespace namnd {

bool isValidUtf8(std::string_view bytes);

// `bytes` with every byte that does not start or belong to a valid UTF-8 sequence replaced by
// U+FFFD (the replacement character).
std::string withValidUtf8(std::string_view bytes);

// The UTF-8 encoding of a code point; empty for a surrogate, 0 or anything above U+10FFFF.
std::string utf8Encode(char32_t codePoint);

}  // namespace namnd
