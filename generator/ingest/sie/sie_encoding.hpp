#pragma once
// Which character encoding an SIE file is in, and its text as UTF-8. The standard prescribes
// PC8 (code page 437, `#FORMAT PC8`, also the default without #FORMAT), but many modern
// exporters write UTF-8 or Windows-1252 whatever the header says; the content decides.

#include <string>
#include <string_view>

#include "ingest/source_file.hpp"

namespace namnd {

enum class SieEncoding { Ascii, Utf8, Pc8, Windows1252 };

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

// Decides by content: valid UTF-8 → UTF-8; otherwise PC8 when the file says #FORMAT PC8 or
// nothing, unless its å/ä/ö bytes are clearly those of Windows-1252. Throws InputError (file,
// line) for a NUL byte and for UTF-16/UTF-32 files. The result refers to `file`'s bytes.
SieText decodeSie(const SourceFile& file);

}  // namespace namnd
