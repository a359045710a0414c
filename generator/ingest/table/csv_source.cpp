#include "ingest/table/csv_source.hpp"

#include <algorithm>
#include <exception>
#include <fstream>
#include <optional>
#include <thread>
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
  bool has(ColumnId column) const override { return columns_.has(column); }
  std::string_view text(std::string_view column) const override {
    return field(columns_.index(column).value_or(ColumnMatcher::kAbsent));
  }
  std::string_view text(ColumnId column) const override { return field(columns_.fieldOf(column)); }
  std::optional<std::int64_t> amountOre(std::string_view column,
                                        std::string* error) const override {
    return parseAmountOre(text(column), error);
  }
  std::optional<std::int64_t> amountOre(ColumnId column, std::string* error) const override {
    return parseAmountOre(text(column), error);
  }
  std::string dateText(std::string_view column) const override { return std::string(text(column)); }
  std::string dateText(ColumnId column) const override { return std::string(text(column)); }
  SourceLocation at(std::string_view column) const override {
    const auto index = columns_.index(column);
    return {reader_.displayName(), reader_.line(),
            index ? columns_.headerText(*index) : std::string(column)};
  }
  SourceLocation at(ColumnId column) const override {
    const std::size_t index = columns_.fieldOf(column);
    return {
        reader_.displayName(), reader_.line(),
        index != ColumnMatcher::kAbsent ? columns_.headerText(index) : std::string(column.name)};
  }
  std::optional<std::string> shapeProblem() const override {
    if (reader_.fields().size() == headerSize_) return std::nullopt;
    return "raden har " + std::to_string(reader_.fields().size()) + " fält men rubrikraden har " +
           std::to_string(headerSize_);
  }

 private:
  // The field trimmed; empty for an absent column or a short record.
  std::string_view field(std::size_t index) const {
    const std::vector<std::string_view>& fields = reader_.fields();
    return index < fields.size() ? trimSpace(fields[index]) : std::string_view();
  }

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
        // The separator is decided on the first line with text: wait until it is complete (a
        // quoted field may hold line breaks, see firstLineEnd).
        head += text;
        if (!endOfFile && firstLineEnd(head) == std::string::npos) continue;
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

namespace namnd {
namespace {

// A stretch of the file: bytes [begin, end) whose first line has number firstLine.
struct Stretch {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::int64_t firstLine = 1;
};

// Counts quotes and newlines in bytes [from, to) of the file.
struct Counts {
  std::uint64_t quotes = 0;
  std::int64_t newlines = 0;
};

Counts countRange(std::ifstream& in, std::uint64_t from, std::uint64_t to,
                  std::vector<char>& block) {
  Counts counts;
  in.clear();
  in.seekg(static_cast<std::streamoff>(from));
  for (std::uint64_t at = from; at < to;) {
    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), to - at));
    in.read(block.data(), static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    counts.quotes += static_cast<std::uint64_t>(std::count(block.data(), block.data() + got, '"'));
    counts.newlines += std::count(block.data(), block.data() + got, '\n');
    at += got;
  }
  return counts;
}

// The first newline at or after `from` that ends a record, given the quote parity so far; the
// counts of what was passed are added to `counts`. Returns the offset after that newline (or
// `size` when there is none).
std::uint64_t recordEnd(std::ifstream& in, std::uint64_t from, std::uint64_t size, Counts& counts,
                        std::vector<char>& block) {
  in.clear();
  in.seekg(static_cast<std::streamoff>(from));
  for (std::uint64_t at = from; at < size;) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    for (std::size_t i = 0; i < got; ++i) {
      if (block[i] == '"') ++counts.quotes;
      if (block[i] != '\n') continue;
      ++counts.newlines;
      if (counts.quotes % 2 == 0) return at + i + 1;
    }
    at += got;
  }
  return size;
}

bool hasHighBytes(std::ifstream& in, const Stretch& stretch, std::vector<char>& block) {
  in.clear();
  in.seekg(static_cast<std::streamoff>(stretch.begin));
  for (std::uint64_t at = stretch.begin; at < stretch.end;) {
    const auto want =
        static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), stretch.end - at));
    in.read(block.data(), static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    for (std::size_t i = 0; i < got; ++i)
      if (static_cast<unsigned char>(block[i]) >= 0x80) return true;
    at += got;
  }
  return false;
}

}  // namespace

int CsvSource::readSplit(const TableSpec& spec, int workers,
                         const std::function<void(int, const Record&)>& onRecord) {
  std::error_code sizeError;
  const std::uint64_t size = std::filesystem::file_size(path_, sizeError);
  if (workers <= 1 || sizeError || size < kCsvMinSplitBytes) {
    read(spec, [&](const Record& record) { onRecord(0, record); });
    return 1;
  }
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw InputError({displayName_, 0, ""}, "filen kan inte öppnas");
  std::vector<char> block(blockBytes_);

  // The header: the first record with text. Read it on its own, the way read() would.
  Counts counts;
  std::uint64_t headerEnd = 0;
  while (headerEnd < size) {
    const std::uint64_t lineStart = headerEnd;
    headerEnd = recordEnd(in, headerEnd, size, counts, block);
    if (headerEnd - lineStart > 2) break;  // more than "\n" or "\r\n": the header
  }
  std::string headerBytes(static_cast<std::size_t>(headerEnd), '\0');
  in.clear();
  in.seekg(0);
  in.read(headerBytes.data(), static_cast<std::streamsize>(headerBytes.size()));
  const bool headerHasHighBytes = std::any_of(headerBytes.begin(), headerBytes.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
  DecodedText header = decodeText(std::move(headerBytes), displayName_);
  const char separator = detectSeparator(header.utf8);
  CsvReader headerReader(header.utf8, separator, displayName_);
  if (!headerReader.next())
    throw InputError({displayName_, 0, ""}, "filen är tom (rubrikraden saknas)");
  const ColumnMatcher columns(headerReader.fields(), spec.columns, displayName_,
                              headerReader.line());
  checkAtLeastOneOf(spec, columns, displayName_, headerReader.line());
  const std::size_t headerSize = headerReader.fields().size();

  // Stretches that end at a record boundary, each with the number of its first line.
  std::vector<Stretch> stretches;
  Stretch current{headerEnd, 0, counts.newlines + 1};
  for (int w = 1; w < workers; ++w) {
    const std::uint64_t target = headerEnd + (size - headerEnd) * static_cast<std::uint64_t>(w) /
                                                 static_cast<std::uint64_t>(workers);
    if (target <= current.begin) continue;
    Counts passed = countRange(in, current.begin, target, block);
    const std::uint64_t cut = recordEnd(in, target, size, passed, block);
    if (cut >= size) break;
    current.end = cut;
    stretches.push_back(current);
    current = {cut, 0, current.firstLine + passed.newlines};
  }
  current.end = size;
  stretches.push_back(current);

  // Each stretch streamed by its own thread, exactly as read() streams a whole file.
  std::vector<std::exception_ptr> errors(stretches.size());
  std::vector<TextEncoding> encodings(stretches.size(), TextEncoding::Utf8);
  const auto work = [&](std::size_t w) {
    try {
      const Stretch& stretch = stretches[w];
      std::ifstream file(path_, std::ios::binary);
      file.seekg(static_cast<std::streamoff>(stretch.begin));
      StreamingDecoder decoder(displayName_);
      CsvReader reader(separator, displayName_);
      reader.startAtLine(stretch.firstLine);
      std::vector<char> bytes(blockBytes_);
      std::string text;
      std::uint64_t at = stretch.begin;
      bool endOfStretch = false;
      const auto decode = [&](std::string_view chunk, bool last) {
        try {
          decoder.decode(chunk, text);
          if (last) decoder.finish(text);
        } catch (const InputError& e) {  // the decoder counts lines from the stretch's start
          throw InputError(
              {e.where().file, e.where().line + stretch.firstLine - 1, e.where().column},
              e.reason());
        }
      };
      while (true) {
        const CsvReader::Step step = reader.step();
        if (step == CsvReader::Step::End) break;
        if (step == CsvReader::Step::Record) {
          onRecord(static_cast<int>(w), CsvRecord(reader, columns, headerSize));
          continue;
        }
        if (endOfStretch) break;  // cannot happen: the reader is finished
        const auto want =
            static_cast<std::size_t>(std::min<std::uint64_t>(bytes.size(), stretch.end - at));
        file.read(bytes.data(), static_cast<std::streamsize>(want));
        const auto got = static_cast<std::size_t>(file.gcount());
        if (file.bad()) throw InputError({displayName_, 0, ""}, "filen kan inte läsas");
        at += got;
        endOfStretch = got == 0 || at >= stretch.end;
        text.clear();
        decode(std::string_view(bytes.data(), got), endOfStretch);
        reader.append(text);
        if (endOfStretch) reader.finish();
      }
      encodings[w] = decoder.encoding();
    } catch (...) {
      errors[w] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < stretches.size(); ++w) threads.emplace_back(work, w);
  work(0);
  for (std::thread& t : threads) t.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);

  // One encoding for the whole file, as read() would insist: if any stretch turned out to be
  // Windows-1252, no other part may hold UTF-8 (nor the file start with a BOM).
  const bool anyWindows1252 =
      std::find(encodings.begin(), encodings.end(), TextEncoding::Windows1252) != encodings.end();
  if (anyWindows1252) {
    bool mixed = header.encoding == TextEncoding::Utf8WithBom ||
                 (header.encoding == TextEncoding::Utf8 && headerHasHighBytes);
    for (std::size_t w = 0; w < stretches.size() && !mixed; ++w)
      mixed = encodings[w] != TextEncoding::Windows1252 && hasHighBytes(in, stretches[w], block);
    if (mixed)
      throw InputError({displayName_, 0, ""},
                       "filen blandar UTF-8 med en annan teckenkodning (Windows-1252)");
  }
  return static_cast<int>(stretches.size());
}

}  // namespace namnd
