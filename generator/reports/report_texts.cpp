#include "reports/report_texts.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace namnd {

struct ReportTexts::Impl {
  Poco::JSON::Object::Ptr root;
};

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view key,
                       const std::string& problem) {
  throw ConfigError(file.string() + ": \"" + std::string(key) + "\" " + problem);
}

// Walks "a.b.c" down nested objects; returns the parent object and the last key.
std::pair<Poco::JSON::Object::Ptr, std::string> walk(const Poco::JSON::Object::Ptr& root,
                                                     std::string_view dottedKey,
                                                     const std::filesystem::path& file) {
  Poco::JSON::Object::Ptr at = root;
  std::string_view rest = dottedKey;
  while (true) {
    const std::size_t dot = rest.find('.');
    const std::string part(rest.substr(0, dot));
    if (dot == std::string_view::npos) return {at, part};
    at = at->getObject(part);
    if (!at) fail(file, dottedKey, "saknas");
    rest.remove_prefix(dot + 1);
  }
}

}  // namespace

ReportTexts ReportTexts::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": textmallen finns inte eller kan inte läsas");
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto impl = std::make_shared<Impl>();
  try {
    Poco::JSON::Parser parser;
    impl->root = parser.parse(buffer.str()).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    throw ConfigError(file.string() + ": textmallen är inte ett giltigt JSON-objekt (" +
                      e.displayText() + ")");
  }
  if (!impl->root) throw ConfigError(file.string() + ": textmallen är inte ett JSON-objekt");
  ReportTexts texts;
  texts.file_ = file;
  texts.impl_ = std::move(impl);
  return texts;
}

std::string ReportTexts::text(std::string_view dottedKey, const PlaceholderValues& values) const {
  const auto [parent, key] = walk(impl_->root, dottedKey, file_);
  if (!parent->has(key)) fail(file_, dottedKey, "saknas");
  const auto value = parent->get(key);
  if (!value.isString()) fail(file_, dottedKey, "ska vara en text");
  try {
    return expandPlaceholders(value.extract<std::string>(), values);
  } catch (const ConfigError& e) {
    throw ConfigError(file_.string() + ": \"" + std::string(dottedKey) + "\": " + e.what());
  }
}

std::vector<std::pair<std::string, std::string>> ReportTexts::pairs(
    std::string_view dottedKey, const std::string& firstField,
    const std::string& secondField) const {
  const auto [parent, key] = walk(impl_->root, dottedKey, file_);
  const Poco::JSON::Array::Ptr list = parent->getArray(key);
  if (!list) fail(file_, dottedKey, "ska vara en lista");
  std::vector<std::pair<std::string, std::string>> result;
  for (unsigned i = 0; i < list->size(); ++i) {
    const Poco::JSON::Object::Ptr item = list->getObject(i);
    if (!item || !item->has(firstField) || !item->has(secondField))
      fail(file_, dottedKey,
           "element " + std::to_string(i + 1) + " ska ha \"" + firstField + "\" och \"" +
               secondField + "\"");
    result.emplace_back(item->getValue<std::string>(firstField),
                        item->getValue<std::string>(secondField));
  }
  return result;
}

std::vector<std::map<std::string, std::string>> ReportTexts::objects(
    std::string_view dottedKey) const {
  const auto [parent, key] = walk(impl_->root, dottedKey, file_);
  const Poco::JSON::Array::Ptr list = parent->getArray(key);
  if (!list) fail(file_, dottedKey, "ska vara en lista");
  std::vector<std::map<std::string, std::string>> result;
  for (unsigned i = 0; i < list->size(); ++i) {
    const std::string item = "element " + std::to_string(i + 1);
    const Poco::JSON::Object::Ptr object = list->getObject(i);
    if (!object) fail(file_, dottedKey, item + " ska vara ett objekt {…}");
    std::map<std::string, std::string> fields;
    for (const auto& [name, value] : *object) {
      if (!value.isString()) fail(file_, dottedKey, item + ": \"" + name + "\" ska vara en text");
      fields.emplace(name, value.extract<std::string>());
    }
    result.push_back(std::move(fields));
  }
  return result;
}

}  // namespace namnd
