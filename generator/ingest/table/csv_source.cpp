#include "ingest/table/csv_source.hpp"

#include <fstream>
#include <optional>
#include <vector>

#include "core/number_parse.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/csv/text_encoding.hpp"
#include "ingest/table/header_checks.hpp"

namespace namnd {
namespace {

class CsvRecord final : public Record {
 public:
  CsvRecord(const CsvReader& reader, const ColumnMatcher& columns, std::size_t headerSize)
      : reader_(reader), columns_(columns), headerSize_(headerSize) {}

  std::int64_t line() const override { return reader_.line(); }
  bool has(std::string_view column) const override { return columns_.has(column); }
  std::string_view text(std::string_view column) const override {
    const auto index = columns_.index(column);
    if (!index || *index >= reader_.fields().size()) return {};
    return trimSpace(reader_.fields()[*index]);
  }
  std::optional<std::int64_t> amountOre(std::string_view column,
                                        std::string* error) const override {
    return parseAmountOre(text(column), error);
  }
  std::string dateText(std::string_view column) const override { return std::string(text(column)); }
  SourceLocation at(std::string_view column) const override {
    const auto index = columns_.index(column);
    return {reader_.displayName(), reader_.line(),
            index ? columns_.headerText(*index) : std::string(column)};
  }
  std::optional<std::string> shapeProblem() const override {
    if (reader_.fields().size() == headerSize_) return std::nullopt;
    return "raden har " + std::to_string(reader_.fields().size()) + " fält men rubrikraden har " +
           std::to_string(headerSize_);
  }

 private:
  const CsvReader& reader_;
  const ColumnMatcher& columns_;
  std::size_t headerSize_;
};

}  // namespace

CsvSource::CsvSource(std::filesystem::path path, std::string displayName, std::size_t blockBytes)
    : path_(std::move(path)), displayName_(std::move(displayName)), blockBytes_(blockBytes) {}

void CsvSource::read(const TableSpec& spec, const std::function<void(const Record&)>& onRecord) {
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw InputError({displayName_, 0, ""}, "filen kan inte öppnas");

  StreamingDecoder decoder(displayName_);
  std::optional<CsvReader> reader;
  std::optional<ColumnMatcher> columns;
  std::size_t headerSize = 0;
  std::vector<char> block(blockBytes_);
  std::string text;
  std::string head;  // text read before the separator is known
  bool endOfFile = false;
  bool needText = true;  // read a block only when the buffered text holds no whole record

  while (true) {
    if (needText && !endOfFile) {
      in.read(block.data(), static_cast<std::streamsize>(block.size()));
      const auto got = static_cast<std::size_t>(in.gcount());
      if (in.bad()) throw InputError({displayName_, 0, ""}, "filen kan inte läsas");
      text.clear();
      decoder.decode(std::string_view(block.data(), got), text);
      endOfFile = got < block.size();
      if (endOfFile) decoder.finish(text);
      if (!reader) {
        // The separator is decided on the first line with text: wait until it is complete.
        head += text;
        const std::size_t start = head.find_first_not_of("\r\n");
        const bool lineComplete =
            start != std::string::npos && head.find('\n', start) != std::string::npos;
        if (!endOfFile && !lineComplete) continue;
        reader.emplace(detectSeparator(head), displayName_);
        reader->append(head);
        head.clear();
      } else {
        reader->append(text);
      }
      if (endOfFile) reader->finish();
      needText = false;
    }
    const CsvReader::Step step = reader->step();
    if (step == CsvReader::Step::NeedMore) {
      needText = true;
      continue;
    }
    if (step == CsvReader::Step::End) break;
    if (!columns) {
      headerSize = reader->fields().size();
      columns.emplace(reader->fields(), spec.columns, displayName_, reader->line());
      checkAtLeastOneOf(spec, *columns, displayName_, reader->line());
      continue;
    }
    onRecord(CsvRecord(*reader, *columns, headerSize));
  }
  if (!columns) throw InputError({displayName_, 0, ""}, "filen är tom (rubrikraden saknas)");
}

}  // namespace namnd
