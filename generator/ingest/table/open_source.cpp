#include "ingest/table/open_source.hpp"

#include <fstream>

#include "ingest/sie/sie_reader.hpp"
#include "ingest/source_file.hpp"
#include "ingest/table/csv_source.hpp"
#include "ingest/table/xlsx_source.hpp"

namespace namnd {
namespace {

// Applies the config's column names to every spec read through it.
class MappedSource final : public TabularSource {
 public:
  MappedSource(std::unique_ptr<TabularSource> inner,
               std::vector<std::pair<std::string, std::string>> names)
      : inner_(std::move(inner)), names_(std::move(names)) {}
  const std::string& displayName() const override { return inner_->displayName(); }
  void read(const TableSpec& spec, const std::function<void(const Record&)>& onRecord) override {
    inner_->read(withColumnNames(spec, names_, displayName()), onRecord);
  }
  int readSplit(const TableSpec& spec, int workers,
                const std::function<void(int, const Record&)>& onRecord) override {
    return inner_->readSplit(withColumnNames(spec, names_, displayName()), workers, onRecord);
  }

 private:
  std::unique_ptr<TabularSource> inner_;
  std::vector<std::pair<std::string, std::string>> names_;
};

std::string firstBytes(const std::filesystem::path& path, std::size_t count) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(count, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(count));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

}  // namespace

std::string inputFormat(const InputFile& input) {
  if (!input.format.empty()) return input.format;
  std::string extension = input.path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".xlsx" || extension == ".xlsm") return "xlsx";
  if (extension == ".se" || extension == ".si" || extension == ".sie") return "sie";
  const std::string head = firstBytes(input.path, 4096);
  if (head.rfind("PK\x03\x04", 0) == 0) return "xlsx";
  return looksLikeSie(head) ? "sie" : "csv";
}

std::unique_ptr<TabularSource> openTabularSource(const InputFile& input) {
  std::unique_ptr<TabularSource> source;
  const std::string format = inputFormat(input);
  if (format == "sie")
    throw ConfigError(input.displayName +
                      " är en SIE-fil; SIE kan bara användas som huvudbok eller budget");
  if (format == "xlsx") {
    auto bytes =
        std::make_shared<const std::string>(readSourceFile(input.path, input.displayName).bytes);
    source = std::make_unique<XlsxSource>(std::move(bytes), input.displayName, input.sheet);
  } else {
    source = std::make_unique<CsvSource>(input.path, input.displayName);
  }
  if (input.columns.empty()) return source;
  return std::make_unique<MappedSource>(std::move(source), input.columns);
}

}  // namespace namnd
