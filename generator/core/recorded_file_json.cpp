#include "core/recorded_file_json.hpp"

#include <Poco/JSON/Object.h>

namespace namnd {

Poco::JSON::Array recordedFilesJson(const std::vector<RecordedFile>& files,
                                    const std::string& nameKey) {
  Poco::JSON::Array array;
  for (const RecordedFile& file : files) {
    Poco::JSON::Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
    entry.set(nameKey, file.name);
    entry.set("sha256", file.sha256);
    array.add(entry);
  }
  return array;
}

std::optional<std::vector<RecordedFile>> recordedFilesFromJson(const Poco::JSON::Array::Ptr& array,
                                                               const std::string& nameKey) {
  std::vector<RecordedFile> files;
  if (!array) return files;
  for (unsigned i = 0; i < array->size(); ++i) {
    const Poco::JSON::Object::Ptr entry = array->getObject(i);
    if (!entry || !entry->has(nameKey) || !entry->has("sha256")) return std::nullopt;
    files.push_back(
        {entry->getValue<std::string>(nameKey), entry->getValue<std::string>("sha256")});
  }
  return files;
}

}  // namespace namnd
