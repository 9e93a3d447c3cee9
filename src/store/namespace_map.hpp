// store/namespace_map: the per-(tenant, namespace) parts of an in-memory index
// (vectors, full text), created on first write. Thread-safe; a part is shared so
// that a search can keep using it while the map changes. Each part guards its own
// contents.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace hirag::store {

template <class Part>
class NamespaceMap {
 public:
  std::shared_ptr<Part> find(const std::string& tenant, const std::string& name_space) const {
    std::shared_lock lock(mutex_);
    auto found = parts_.find(key(tenant, name_space));
    return found == parts_.end() ? nullptr : found->second;
  }

  template <class Make>
  std::shared_ptr<Part> find_or_create(const std::string& tenant, const std::string& name_space, Make make) {
    if (auto part = find(tenant, name_space)) return part;
    std::unique_lock lock(mutex_);
    auto& part = parts_[key(tenant, name_space)];
    if (!part) part = make();
    return part;
  }

  // Removes `label` from its part under the part's own lock; returns how many
  // entries that took away (0 when the label or the part was not there).
  size_t remove(const std::string& tenant, const std::string& name_space, int64_t label) {
    auto part = find(tenant, name_space);
    if (!part) return 0;
    std::unique_lock lock(part->mutex);
    const size_t before = part->size();
    part->remove(label);
    return before - part->size();
  }

  struct NamedPart {
    std::string tenant;
    std::string name_space;
    std::shared_ptr<Part> part;
  };
  std::vector<NamedPart> named() const {
    std::shared_lock lock(mutex_);
    std::vector<NamedPart> parts;
    parts.reserve(parts_.size());
    for (const auto& [name, part] : parts_) {
      const auto separator = name.find('\0');
      parts.push_back({name.substr(0, separator), name.substr(separator + 1), part});
    }
    return parts;
  }

  std::vector<std::shared_ptr<Part>> all() const {
    std::shared_lock lock(mutex_);
    std::vector<std::shared_ptr<Part>> parts;
    parts.reserve(parts_.size());
    for (const auto& [name, part] : parts_) parts.push_back(part);
    return parts;
  }

  size_t size() const {
    std::shared_lock lock(mutex_);
    return parts_.size();
  }

  void clear() {
    std::unique_lock lock(mutex_);
    parts_.clear();
  }

 private:
  // NUL cannot occur in a tenant name, so the pair maps to one key unambiguously.
  static std::string key(const std::string& tenant, const std::string& name_space) {
    std::string joined;
    joined.reserve(tenant.size() + name_space.size() + 1);
    joined.append(tenant).push_back('\0');
    joined.append(name_space);
    return joined;
  }

  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Part>> parts_;
};

}  // namespace hirag::store
