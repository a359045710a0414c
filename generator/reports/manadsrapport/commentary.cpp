#include "reports/manadsrapport/commentary.hpp"

#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace namnd {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// ASCII letters and Å/Ä/Ö to lower case, so that "ÄLDREOMSORG" matches "Äldreomsorg".
std::string foldCase(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
    if (c == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next == 0x85 || next == 0x84 || next == 0x96) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

const OrgNode* findArea(std::string_view heading, const OrgTree& tree, int areaLevel) {
  const std::string folded = foldCase(heading);
  for (const OrgNode* node : tree.nodesAtLevel(areaLevel))
    if (node->code == heading || foldCase(node->name) == folded) return node;
  return nullptr;
}

std::string areaList(const OrgTree& tree, int areaLevel) {
  std::string list;
  for (const OrgNode* node : tree.nodesAtLevel(areaLevel))
    list += (list.empty() ? "" : ", ") + node->name;
  return list;
}

bool isBullet(std::string_view line) {
  return line.size() >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ';
}

}  // namespace

ControllerComments parseControllerComments(std::string_view text, const std::string& fileName,
                                           const OrgTree& tree, int areaLevel, Period period) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Whether the file is split into month blocks decides which lines count.
  bool hasMonthBlocks = false;
  {
    std::istringstream lines{std::string(text)};
    for (std::string line; std::getline(lines, line);)
      if (line.rfind("# ", 0) == 0) hasMonthBlocks = true;
  }

  ControllerComments result;
  bool inUsedBlock = !hasMonthBlocks;
  const OrgNode* area = nullptr;
  AreaText* target = nullptr;
  std::string* open = nullptr;  // the paragraph or bullet that continuation lines extend
  bool openIsBullet = false;
  bool inNote = false;
  std::int64_t lineNumber = 0;
  std::istringstream lines{std::string(text)};
  for (std::string raw; std::getline(lines, raw);) {
    ++lineNumber;
    const std::string_view line = trim(raw);
    auto fail = [&](const std::string& reason) {
      throw InputError({fileName, lineNumber, ""}, reason);
    };
    if (inNote || line.substr(0, 4) == "<!--") {
      inNote = line.find("-->") == std::string_view::npos;
      continue;
    }
    if (line.empty()) {
      open = nullptr;
      continue;
    }
    if (line.rfind("# ", 0) == 0) {
      const auto month = Period::parse(trim(line.substr(2)));
      if (!month) fail("en rubrik med en # ska vara en månad ÅÅÅÅMM, t.ex. \"# 202510\"");
      inUsedBlock = *month == period;
      area = nullptr;
      target = nullptr;
      open = nullptr;
      continue;
    }
    if (line.rfind("## ", 0) == 0) {
      area = findArea(trim(line.substr(3)), tree, areaLevel);
      if (!area)
        fail("okänt verksamhetsområde \"" + std::string(trim(line.substr(3))) +
             "\" (känner till: " + areaList(tree, areaLevel) + ")");
      target = inUsedBlock ? &result[area->code] : nullptr;
      open = nullptr;
      continue;
    }
    if (line.front() == '#')
      fail("bara rubrikerna \"# ÅÅÅÅMM\" och \"## verksamhetsområde\" finns");
    if (!area) fail("text före första rubriken \"## verksamhetsområde\"");
    if (!target) continue;  // another month's block
    if (isBullet(line)) {
      target->bullets.emplace_back(trim(line.substr(2)));
      open = &target->bullets.back();
      openIsBullet = true;
      continue;
    }
    const bool indented = raw.front() == ' ' || raw.front() == '\t';
    if (open && (!openIsBullet || indented)) {
      *open += ' ';
      *open += line;
      continue;
    }
    target->paragraphs.emplace_back(line);
    open = &target->paragraphs.back();
    openIsBullet = false;
  }
  // Areas whose block held nothing but the heading have no text.
  std::erase_if(result, [](const auto& entry) {
    return entry.second.paragraphs.empty() && entry.second.bullets.empty();
  });
  return result;
}

ControllerComments readControllerComments(const std::filesystem::path& file,
                                          const std::string& displayName, const OrgTree& tree,
                                          int areaLevel, Period period) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({displayName, 0, ""}, "kommentarsfilen kan inte läsas");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parseControllerComments(buffer.str(), displayName, tree, areaLevel, period);
}

std::vector<Section> buildCommentarySections(const OrgRollup& areas,
                                             const ControllerComments& controller,
                                             const PrognosSnapshot* snapshot, const OrgTree& tree,
                                             const ReportTexts& texts,
                                             const PlaceholderValues& periodValues) {
  PlaceholderValues values = periodValues;
  // The enhetschefer's comments, per area code ("" = under no area), in snapshot order.
  std::map<std::string, std::vector<std::string>, std::less<>> chefBullets;
  if (snapshot) {
    addPeriodPlaceholders(values, "lamnad", snapshot->period);
    for (const PrognosEntry& entry : snapshot->entries) {
      std::string said = entry.kommentar;
      if (!entry.atgard.empty()) {
        PlaceholderValues withAtgard = values;
        withAtgard["atgard"] = entry.atgard;
        said += (said.empty() ? "" : " ") + texts.text("kommentarer.atgard", withAtgard);
      }
      if (said.empty()) continue;
      const OrgNode* node = tree.find(entry.node);
      const OrgNode* area = tree.ancestorAtLevel(entry.node, areas.level);
      PlaceholderValues withEntry = values;
      withEntry["enhet"] = node ? node->name : entry.node;
      withEntry["text"] = said;
      chefBullets[area ? area->code : ""].push_back(
          texts.text("kommentarer.enhetschef", withEntry));
    }
  }

  std::vector<Section> sections;
  for (const auto& [area, figures] : areas.rows) {
    TextSection section;
    section.id = "kommentar_" + area->code;
    PlaceholderValues withArea = values;
    withArea["omrade"] = area->name;
    section.title = texts.text("kommentarer.rubrik", withArea);
    if (const auto found = controller.find(area->code); found != controller.end()) {
      section.paragraphs = found->second.paragraphs;
      section.bullets = found->second.bullets;
    }
    if (const auto found = chefBullets.find(area->code); found != chefBullets.end())
      section.bullets.insert(section.bullets.end(), found->second.begin(), found->second.end());
    if (!section.paragraphs.empty() || !section.bullets.empty())
      sections.push_back(std::move(section));
  }
  if (const auto found = chefBullets.find(""); found != chefBullets.end())
    sections.push_back(TextSection{.id = "kommentar_ovriga",
                                   .title = texts.text("kommentarer.ovriga_rubrik", values),
                                   .bullets = found->second});
  if (sections.empty())
    sections.push_back(TextSection{.id = "kommentarer",
                                   .title = texts.text("kommentarer.inga_rubrik", values),
                                   .paragraphs = {texts.text("kommentarer.inga", values)}});
  return sections;
}

}  // namespace namnd
