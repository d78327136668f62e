#pragma once
// The progress line of long commands (extract, export, render, stats, path,
// run): on standard error only, only when it is a terminal and --quiet was
// not given, redrawn with a carriage return at most four times a second and
// erased when the work ends, so that a pipe, a log and standard output never
// see it. One line a process: the functions below are its state.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "args.hpp"

namespace eventgraph::cli::progress {

/// -q/--quiet, for the commands that show the line.
OptionSpec quiet_option();

/// Shows the line from now on if standard error is a terminal and the
/// command was not given --quiet (main calls it for every command).
void enable(const Args& args);

/// The files about to be read: their sizes make the total (standard input
/// and pipes have none: the line then gives bytes without a share).
void expect(const std::vector<std::string>& files);

/// Progress through the input: `file` ended (its whole size is read), or
/// `offset` bytes of the file being read; records read and events made so far.
void file_done(const std::string& file);
void at(std::uint64_t offset);
void records(std::size_t n);
void events(std::size_t n);

/// Erases the line before something else is said on standard error; it
/// comes back at the next redraw.
void pause();

/// Erases the line for good (at the end of the work).
void done();

}  // namespace eventgraph::cli::progress
