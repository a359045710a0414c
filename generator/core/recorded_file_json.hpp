#pragma once
// A list of files with their SHA-256 as JSON, [{"<name key>": …, "sha256": …}], as the run record
// and the run summary both write it.

#include <Poco/JSON/Array.h>

#include <optional>
#include <string>
#include <vector>

#include "core/run_record.hpp"

namespace namnd {

Poco::JSON::Array recordedFilesJson(const std::vector<RecordedFile>& files,
                                    const std::string& nameKey);
// Nullopt when the array holds anything but such objects; an absent array is an empty list.
std::optional<std::vector<RecordedFile>> recordedFilesFromJson(const Poco::JSON::Array::Ptr& array,
                                                               const std::string& nameKey);

}  // namespace namnd
