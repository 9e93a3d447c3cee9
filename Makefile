# hirag — the two commands: `make run` and `make test`. Both install missing
# Debian packages first (scripts/install-deps.sh), then build incrementally.
BUILD_DIR      ?= build
ASAN_BUILD_DIR ?= build-asan
FUZZ_BUILD_DIR ?= build-fuzz
TSAN_BUILD_DIR ?= build-tsan
FUZZ_SECONDS   ?= 60
FUZZ_SMOKE_SECONDS ?= 5
JOBS           ?= $(shell nproc)
HOST           ?= 127.0.0.1
PORT           ?= 8081
DATA_DIR       ?= ./data
CTEST_ARGS     ?=

.PHONY: run test build deps test-asan test-tsan fuzz fuzz-build bench tokenize-fuzz locomo clean

deps:
	@./scripts/install-deps.sh

# Configure only when there is no build dir yet; afterwards CMake re-runs itself
# when a CMakeLists.txt changes, so nothing is re-configured needlessly.
$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/hirag serve --host $(HOST) --port $(PORT) --data-dir $(DATA_DIR)

# The fuzz targets run a few seconds each first (a smoke test), so that ctest's
# summary is the last thing printed.
test: build fuzz-build
	./scripts/fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SMOKE_SECONDS)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

$(ASAN_BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(ASAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=Debug -DHIRAG_SANITIZE=ON

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps $(ASAN_BUILD_DIR)/CMakeCache.txt
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	cd $(ASAN_BUILD_DIR) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

# ThreadSanitizer over the unit and integration suites (the server binary too).
# Too slow for every CI run; see docs/operations.md for when it runs.
$(TSAN_BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(TSAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHIRAG_TSAN=ON

test-tsan: deps $(TSAN_BUILD_DIR)/CMakeCache.txt
	cmake --build $(TSAN_BUILD_DIR) -j $(JOBS)
	cd $(TSAN_BUILD_DIR) && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/tsan.supp" \
	  ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

# libFuzzer targets (tests/fuzz), clang with ASan + UBSan, in their own build dir.
$(FUZZ_BUILD_DIR)/CMakeCache.txt:
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHIRAG_FUZZ=ON

fuzz-build: deps $(FUZZ_BUILD_DIR)/CMakeCache.txt
	cmake --build $(FUZZ_BUILD_DIR) --target fuzz_targets -j $(JOBS)

# Every fuzz target for FUZZ_SECONDS (default 60) each; crashes fail the run.
fuzz: fuzz-build
	./scripts/fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

bench: build
	cmake --build $(BUILD_DIR) --target benchmarks -j $(JOBS)
	./bench/run-all.sh $(BUILD_DIR)

# Differential fuzzing of the tokenizer against the npm tiktoken package (needs npm).
tokenize-fuzz: build
	./scripts/tokenize-fuzz.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_BUILD_DIR) $(FUZZ_BUILD_DIR) $(TSAN_BUILD_DIR)
