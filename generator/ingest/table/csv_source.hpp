#pragma once
// A CSV file as a TabularSource, streamed in blocks: encoding and separator detected, the header
// matched, records handed over one at a time. Memory use does not grow with the file.

#include <cstdint>
#include <filesystem>
#include <string>

#include "ingest/table/tabular_source.hpp"

namespace namnd {

// Reads text in blocks of this many bytes.
inline constexpr std::size_t kCsvBlockBytes = 1 << 20;
// Files smaller than this are not worth a second thread.
inline constexpr std::uint64_t kCsvMinSplitBytes = 4 << 20;

class CsvSource final : public TabularSource {
 public:
  // blockBytes: how much is read at a time (tests use tiny blocks to cross every boundary).
  CsvSource(std::filesystem::path path, std::string displayName,
            std::size_t blockBytes = kCsvBlockBytes);
  const std::string& displayName() const override { return displayName_; }
  void read(const TableSpec& spec, const std::function<void(const Record&)>& onRecord) override;
  // Splits a large file at record boundaries (a newline outside quotes) into one stretch per
  // worker, each decoded and parsed by its own thread. Small files are read by one worker.
  int readSplit(const TableSpec& spec, int workers,
                const std::function<void(int worker, const Record&)>& onRecord) override;

 private:
  std::filesystem::path path_;
  std::string displayName_;
  std::size_t blockBytes_;
};

}  // namespace namnd
