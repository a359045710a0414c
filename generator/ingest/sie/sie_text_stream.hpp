#pragma once
// An SIE file's lines as UTF-8, read block by block from disk (or from bytes already in memory),
// so that memory holds one block and the line being read, never the file.
//
// The encoding is decided by the whole file (sie_encoding), but lines are handed over before the
// end is seen: the first block with non-ASCII bytes decides how they are decoded. Should the
// whole file decide otherwise (a later block is not UTF-8 after all, or has more PC8 letters
// than the first had Windows-1252 ones), read() says so and the file is read again with the
// whole file's encoding. Errors come out as when the file was decoded whole before being parsed:
// a NUL byte anywhere before a decoding error, and that before any error of the parser.

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/csv/text_encoding.hpp"
#include "ingest/sie/sie_encoding.hpp"
#include "ingest/source_file.hpp"

namespace namnd {

// Reads an SIE file in blocks of this many bytes.
inline constexpr std::size_t kSieBlockBytes = 1 << 20;

class SieTextStream {
 public:
  enum class Outcome {
    Read,      // every line was handed over, decoded as the whole file says
    ReadAgain  // lines were decoded otherwise than the whole file says: read with encoding()
  };

  // Reads `file.bytes` when it holds the file, otherwise `file.path`; `blockBytes` at a time
  // (tests use tiny blocks to cross every boundary). With `encoding` set, non-ASCII bytes are
  // decoded that way (the second reading); otherwise as the first block with them decides.
  SieTextStream(const SourceFile& file, std::size_t blockBytes = kSieBlockBytes,
                std::optional<SieEncoding> encoding = std::nullopt);

  // Hands every line (UTF-8, without its line break) to `onLine`, in order; call once. An
  // InputError from `onLine` ends the lines, but the rest of the file is still read and
  // checked; the error is rethrown at the end unless the file has a worse one (or must be read
  // again).
  Outcome read(const std::function<void(std::string_view line)>& onLine);

  // After read(): the whole file's encoding, the note saying why, and its number of '\n'.
  SieEncoding encoding() const { return encoding_; }
  std::string note() const { return sieEncodingNote(encoding_, format_.format()); }
  std::int64_t newlines() const { return newlines_; }

 private:
  void readBlocks(const std::function<void(std::string_view)>& onBlock);
  void addBlock(std::string_view bytes);
  void startWindows1252(bool atStart, std::int64_t newlinesBefore);
  void decodeWindows1252(std::string_view bytes, bool last);
  void handOver(std::string_view text);
  void handOverLine(std::string_view line);
  void stopLines() { handingOver_ = false; }

  const SourceFile& file_;
  std::size_t blockBytes_;
  std::optional<SieEncoding> forced_;
  const std::function<void(std::string_view)>* onLine_ = nullptr;

  SieEncodingEvidence evidence_;
  SieFormatScan format_;
  SieEncoding encoding_ = SieEncoding::Ascii;
  std::optional<SieEncoding> used_;  // how non-ASCII bytes were decoded, once there were any
  std::int64_t newlines_ = 0;
  std::uint64_t bytesSeen_ = 0;

  // Windows-1252 is decoded by the CSV decoder, which refuses text that also holds UTF-8
  // sequences. It starts at the first block with non-ASCII bytes; its line numbers are shifted
  // by the lines before that.
  std::optional<StreamingDecoder> windows1252_;
  std::int64_t windowsLineShift_ = 0;

  bool handingOver_ = true;
  std::string decoded_;  // the current block as UTF-8, when it had to be converted
  std::string partial_;  // a line begun in an earlier block
  std::exception_ptr decodeError_;
  std::exception_ptr lineError_;
};

}  // namespace namnd
