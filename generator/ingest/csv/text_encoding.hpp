#pragma once
// Exports arrive as UTF-8 (with or without BOM) or Windows-1252. Everything inside the generator
// is UTF-8; this is where bytes become text — block by block, so that a file of any size streams.

#include <cstdint>
#include <string>
#include <string_view>

namespace namnd {

enum class TextEncoding { Utf8, Utf8WithBom, Windows1252 };

std::string_view encodingName(TextEncoding encoding);  // "UTF-8", "UTF-8 med BOM", "Windows-1252"

// Decodes a byte stream into UTF-8. The text is taken as UTF-8 until a byte proves otherwise;
// if everything before that byte was ASCII (identical in both encodings) the rest is decoded as
// Windows-1252, else the file mixes encodings and is refused.
class StreamingDecoder {
 public:
  explicit StreamingDecoder(std::string displayName);

  // Appends the UTF-8 text of `bytes` to `out`. Throws InputError (naming the file and the line
  // of the offending byte) for UTF-16/32 BOMs, NUL bytes, mixed encodings and bytes that are
  // undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D).
  void decode(std::string_view bytes, std::string& out);
  // Call after the last block: a UTF-8 sequence cut off at the end of the file is an error.
  void finish(std::string& out);

  TextEncoding encoding() const { return encoding_; }

 private:
  void decodeWindows1252(std::string_view bytes, std::string& out);
  [[noreturn]] void fail(const std::string& reason) const;

  std::string displayName_;
  TextEncoding encoding_ = TextEncoding::Utf8;
  bool started_ = false;
  bool sawNonAscii_ = false;
  std::int64_t line_ = 1;
  std::string pending_;  // the start of a UTF-8 sequence split across blocks
};

struct DecodedText {
  std::string utf8;  // without BOM
  TextEncoding encoding;
};

// The whole text at once (small files, tests).
DecodedText decodeText(std::string bytes, std::string_view displayName);

}  // namespace namnd
