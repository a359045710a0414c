#pragma once
// Which character encoding an SIE file is in. The standard prescribes PC8 (code page 437,
// `#FORMAT PC8`, also the default without #FORMAT), but many modern exporters write UTF-8 or
// Windows-1252 whatever the header says; the content decides. The evidence is gathered block by
// block, so that a file streamed from disk is decided exactly as if it were read whole.

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/source_file.hpp"

namespace namnd {

enum class SieEncoding { Ascii, Utf8, Pc8, Windows1252 };

// What the bytes say about their encoding: non-ASCII bytes at all, valid UTF-8 or not, and
// whose å/ä/ö they look like. Bytes arrive in any pieces; a UTF-8 sequence may be split.
class SieEncodingEvidence {
 public:
  void add(std::string_view bytes);  // bytes after any byte order mark
  void finish();                     // the end of the file: an unfinished sequence is not UTF-8

  bool highBytes() const { return highBytes_; }
  bool validUtf8() const { return utf8_; }  // so far
  bool undefinedInWindows1252() const { return undefinedIn1252_; }

  // Valid UTF-8 → UTF-8; otherwise PC8 when the file says #FORMAT PC8 or nothing, unless its
  // å/ä/ö bytes are clearly those of Windows-1252 (which must then define every byte).
  // `format` is what SieFormatScan found.
  SieEncoding decide(const std::string& format) const;

 private:
  bool highBytes_ = false;
  bool utf8_ = true;
  bool undefinedIn1252_ = false;
  std::int64_t cp437Letters_ = 0;
  std::int64_t cp1252Letters_ = 0;
  int need_ = 0;    // continuation bytes still expected in the current UTF-8 sequence
  int length_ = 0;  // that sequence's length
  std::uint32_t codePoint_ = 0;
};

// The value of the first #FORMAT record among the first 200 lines (the identification block
// comes first), fed block by block. Labels are ASCII in every encoding, so raw bytes will do.
class SieFormatScan {
 public:
  void add(std::string_view bytes);  // bytes after any byte order mark
  void finish();                     // the end of the file ends its last line
  // "PC8", "\"\"" for an empty value, or empty when there is no #FORMAT (so far).
  const std::string& format() const { return format_; }

 private:
  void endLine();
  void found();

  enum class State { Indent, Label, BeforeValue, Value, Rest, Done };
  State state_ = State::Indent;
  int lines_ = 0;
  std::string label_;
  std::string value_;
  std::string format_;
};

// Swedish sentence for the import notes: the encoding chosen and why.
std::string sieEncodingNote(SieEncoding encoding, const std::string& format);

// Throws InputError when the file starts like UTF-16 or UTF-32, which SIE does not allow.
// `head` is at least the file's first four bytes (or the whole file when it is shorter).
void refuseWideSieEncoding(std::string_view head, const std::string& displayName);

// Throws InputError for the NUL byte on `line`: the file is binary or wrongly encoded.
[[noreturn]] void refuseSieNul(const std::string& displayName, std::int64_t line);

// The whole text of a file held in memory, decided and decoded at once (what streaming must
// agree with).
class SieText {
 public:
  // The whole file as UTF-8, without a byte order mark.
  std::string_view text() const { return converted_ ? std::string_view(utf8_) : original_; }
  SieEncoding encoding() const { return encoding_; }
  // Swedish sentence for the import notes: the encoding chosen and why.
  const std::string& note() const { return note_; }

 private:
  friend SieText decodeSie(const SourceFile& file);
  std::string_view original_;  // into the SourceFile's bytes, when no conversion was needed
  std::string utf8_;
  bool converted_ = false;
  SieEncoding encoding_ = SieEncoding::Ascii;
  std::string note_;
};

// Decides and decodes `file.bytes`. Throws InputError (file, line) for a NUL byte, for UTF-16/
// UTF-32 files and for a Windows-1252 file that also holds UTF-8. The result refers to `file`'s
// bytes.
SieText decodeSie(const SourceFile& file);

}  // namespace namnd
