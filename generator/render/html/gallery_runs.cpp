#include "render/html/gallery_runs.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/category_name.hpp"
#include "core/run_record.hpp"
#include "render/html/gallery_catalogue.hpp"
#include "render/html/utf8_text.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

struct Run {
  std::string folder;  // relative to the scanned folder, '/'-separated; "" for the folder itself
  RunRecord record;
  std::vector<ReportFiles> reports;
};

// "a/b/x" → "a/b", "x" → "".
std::string parentOf(std::string_view relative) {
  const std::size_t slash = relative.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(relative.substr(0, slash));
}

// The run records of the folders looked at so far (nullopt: none, or unreadable), each folder
// read once however many reports it holds.
class RunFolders {
 public:
  explicit RunFolders(fs::path root) : root_(std::move(root)) {}

  // The nearest folder holding `stem` (itself '/'-separated, relative) that has a record.
  std::optional<std::string> nearestRun(std::string_view stem) {
    for (std::string folder = parentOf(stem);; folder = parentOf(folder)) {
      if (record(folder)) return folder;
      if (folder.empty()) return std::nullopt;
    }
  }

  const std::optional<RunRecord>& record(const std::string& folder) {
    auto found = records_.find(folder);
    if (found == records_.end())
      found =
          records_.emplace(folder, readRunRecord(folder.empty() ? root_ : root_ / folder)).first;
    return found->second;
  }

 private:
  fs::path root_;
  std::map<std::string, std::optional<RunRecord>> records_;
};

bool newerFirst(const Run& a, const Run& b) {
  if (a.record.period != b.record.period) return a.record.period > b.record.period;
  if (a.record.kommun != b.record.kommun) return swedishLess(a.record.kommun, b.record.kommun);
  if (a.record.namnd != b.record.namnd) return swedishLess(a.record.namnd, b.record.namnd);
  return a.folder < b.folder;
}

// The run's caption; when its latest run failed, with the error, so that its reports are not
// read as made from the latest inputs.
std::string caption(const RunRecord& record, const ReportTexts& texts) {
  const PlaceholderValues values = {{"kommun", withValidUtf8(record.kommun)},
                                    {"namnd", withValidUtf8(record.namnd)},
                                    {"period", galleryMonthLabel(record.period, texts)},
                                    {"fel", withValidUtf8(record.lastFailure)}};
  return texts.text(record.lastFailure.empty() ? "tabell.korning" : "tabell.korning_fel", values);
}

}  // namespace

std::vector<GalleryGroup> galleryGroups(const fs::path& folder, std::vector<ReportFiles> reports,
                                        const ReportTexts& texts) {
  RunFolders folders(folder);
  std::map<std::string, Run> runs;
  std::vector<ReportFiles> loose;
  for (ReportFiles& report : reports) {
    if (const auto runFolder = folders.nearestRun(report.stem)) {
      auto [run, added] = runs.try_emplace(*runFolder);
      if (added) run->second = Run{*runFolder, *folders.record(*runFolder), {}};
      run->second.reports.push_back(std::move(report));
    } else {
      loose.push_back(std::move(report));
    }
  }

  std::vector<Run> ordered;
  ordered.reserve(runs.size());
  for (auto& [name, run] : runs) ordered.push_back(std::move(run));
  std::sort(ordered.begin(), ordered.end(), newerFirst);

  std::vector<GalleryGroup> groups;
  groups.reserve(ordered.size() + 1);
  for (Run& run : ordered)
    groups.push_back({caption(run.record, texts), catalogueReports(std::move(run.reports), texts)});
  // Without runs this is the page's one table, also when it is empty ("no reports yet").
  if (!loose.empty() || groups.empty())
    groups.push_back({texts.text("tabell.rubrik", {}), catalogueReports(std::move(loose), texts)});
  return groups;
}

}  // namespace namnd
