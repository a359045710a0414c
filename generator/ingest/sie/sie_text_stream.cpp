#include "ingest/sie/sie_text_stream.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/errors.hpp"
#include "ingest/sie/cp437.hpp"

namespace namnd {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

SieTextStream::SieTextStream(const SourceFile& file, std::size_t blockBytes,
                             std::optional<SieEncoding> encoding)
    : file_(file), blockBytes_(std::max<std::size_t>(blockBytes, 1)), forced_(encoding) {}

// The bytes in memory when there are any (or no file to open), else the file from disk.
void SieTextStream::readBlocks(const std::function<void(std::string_view)>& onBlock) {
  if (!file_.bytes.empty() || file_.path.empty()) {
    const std::string_view bytes = file_.bytes;
    for (std::size_t pos = 0; pos < bytes.size(); pos += blockBytes_)
      onBlock(bytes.substr(pos, blockBytes_));
    return;
  }
  std::ifstream in(file_.path, std::ios::binary);
  if (!in) throw InputError({file_.displayName, 0, ""}, "filen kan inte öppnas");
  std::vector<char> block(blockBytes_);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad()) throw InputError({file_.displayName, 0, ""}, "filen kan inte läsas");
    if (got > 0) onBlock(std::string_view(block.data(), got));
  }
}

SieTextStream::Outcome SieTextStream::read(
    const std::function<void(std::string_view line)>& onLine) {
  onLine_ = &onLine;
  // UTF-16/UTF-32 and the byte order mark are told by the first four bytes: gather them when
  // blocks are smaller than that.
  std::string head;
  bool started = false;
  const auto start = [&](std::string_view bytes) {
    refuseWideSieEncoding(bytes, file_.displayName);
    if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
    started = true;
    addBlock(bytes);
  };
  readBlocks([&](std::string_view block) {
    if (started) return addBlock(block);
    if (head.empty() && block.size() >= 4) return start(block);
    head.append(block);
    if (head.size() < 4) return;
    start(head);
    std::string().swap(head);
  });
  if (!started) start(head);

  evidence_.finish();
  format_.finish();
  if (windows1252_ && !decodeError_) {
    decodeWindows1252({}, true);  // a sequence left open at the end
    if (handingOver_) handOver(decoded_);
  }
  if (handingOver_ && !partial_.empty()) handOverLine(partial_);
  partial_.clear();

  encoding_ = evidence_.decide(format_.format());
  if (used_ && *used_ != encoding_) return Outcome::ReadAgain;
  if (decodeError_) std::rethrow_exception(decodeError_);
  if (lineError_) std::rethrow_exception(lineError_);
  return Outcome::Read;
}

void SieTextStream::addBlock(std::string_view bytes) {
  if (bytes.empty()) return;
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
    const auto* at = static_cast<const char*>(nul);
    refuseSieNul(file_.displayName, newlines_ + std::count(bytes.data(), at, '\n') + 1);
  }
  evidence_.add(bytes);
  format_.add(bytes);
  const bool atStart = bytesSeen_ == 0;
  bytesSeen_ += bytes.size();
  const std::int64_t newlinesBefore = newlines_;
  newlines_ += std::count(bytes.begin(), bytes.end(), '\n');

  // Lines already decoded one way cannot stand once the file proves to be in another: read on
  // only to gather the evidence (and find errors) for the second reading.
  if ((used_ == SieEncoding::Utf8 && !evidence_.validUtf8()) ||
      (used_ == SieEncoding::Windows1252 && evidence_.undefinedInWindows1252()))
    stopLines();
  if (!used_ && evidence_.highBytes())
    used_ = forced_ ? *forced_ : evidence_.decide(format_.format());

  if (used_ == SieEncoding::Windows1252 && !decodeError_) {
    if (!windows1252_) startWindows1252(atStart, newlinesBefore);
    decodeWindows1252(bytes, false);  // also when no lines are wanted: its errors count
    if (handingOver_) handOver(decoded_);
  } else if (handingOver_) {
    if (used_ == SieEncoding::Pc8) {
      decoded_.clear();
      appendCp437AsUtf8(bytes, decoded_);
      handOver(decoded_);
    } else {
      handOver(bytes);  // ASCII so far, or UTF-8: already the text
    }
  }
}

// The CSV decoder checks for a byte order mark and UTF-16 in its first bytes. Started in the
// middle of the file (after ASCII only, which it would have passed unchanged) it gets a line
// break first, so that it does not take the bytes there for the start of a file.
void SieTextStream::startWindows1252(bool atStart, std::int64_t newlinesBefore) {
  windows1252_.emplace(file_.displayName);
  if (atStart) return;
  std::string primer;
  windows1252_->decode("\n", primer);
  windowsLineShift_ = newlinesBefore - 1;
}

void SieTextStream::decodeWindows1252(std::string_view bytes, bool last) {
  decoded_.clear();
  try {
    if (last)
      windows1252_->finish(decoded_);
    else
      windows1252_->decode(bytes, decoded_);
  } catch (const InputError& e) {
    const SourceLocation& where = e.where();
    decodeError_ = std::make_exception_ptr(
        InputError({where.file, where.line + windowsLineShift_, where.column}, e.reason()));
    stopLines();
  }
}

void SieTextStream::handOver(std::string_view text) {
  std::size_t pos = 0;
  while (handingOver_ && pos < text.size()) {
    const void* newline = std::memchr(text.data() + pos, '\n', text.size() - pos);
    if (newline == nullptr) {
      partial_.append(text.substr(pos));
      return;
    }
    const auto end = static_cast<std::size_t>(static_cast<const char*>(newline) - text.data());
    if (partial_.empty()) {
      handOverLine(text.substr(pos, end - pos));
    } else {
      partial_.append(text.substr(pos, end - pos));
      handOverLine(partial_);
      partial_.clear();
    }
    pos = end + 1;
  }
}

void SieTextStream::handOverLine(std::string_view line) {
  try {
    (*onLine_)(line);
  } catch (const InputError&) {
    lineError_ = std::current_exception();
    stopLines();
  }
}

}  // namespace namnd
