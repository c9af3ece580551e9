-- Governance Lens in a real LSP client: headless Neovim 0.7 (push diagnostics only), over stdio.
--
-- usage (scripts/e2e/nvim.sh sets all of this up):
--   GOVLENS_SERVER=dist/server.js GOVLENS_GOOD=<copy of examples/kb> GOVLENS_BROKEN=<broken copy> \
--     timeout 120 nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/lsp_test.lua'
-- Exit status: 0 when every check passed, 1 otherwise.
--
-- Everything that can fail runs inside pcall: an uncaught error under `-c luafile` would leave
-- nvim --headless running (the runner's `timeout` is the last resort).

local SERVER = os.getenv('GOVLENS_SERVER')
local GOOD = os.getenv('GOVLENS_GOOD')
local BROKEN = os.getenv('GOVLENS_BROKEN')
local TIMEOUT = tonumber(os.getenv('GOVLENS_NVIM_TIMEOUT') or '20000')

local ARCH = 'knowledge/dev/reports/architecture'
local PACKET_DIR = ARCH .. '/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12'
local NOTE = ARCH .. '/fix7-p0-post-no-production-execution-owner-operator-note-2026-06-12.md'
local MAP = PACKET_DIR .. '/production-readiness-blocker-map.json'
local INVENTORY = PACKET_DIR .. '/mutation-inventory.json'
local BLOCKER = 'FIX7-P0-PROD-BIRTH-SURFACE-1'
-- The blockers the note names and the entry each cites (issue 17; test/e2e/workspaces.ts has all seven).
local NOTE_EVIDENCE = {
  { id = 'FIX7-P0-PROD-BIRTH-SURFACE-1', file = INVENTORY, line = '"n": 5,' },
  { id = 'FIX7-P0-PROD-CI-SCOPE-1', file = INVENTORY, line = '"n": 10,' },
  { id = 'FIX7-P0-DRYRUN-PROD-ROLLBACK-1', file = PACKET_DIR .. '/rollback-recovery-design.json', line = '"id": "RB-PROD",' },
  { id = 'FIX7-P0-PROD-OPT4-1', file = PACKET_DIR .. '/delegation-and-authority-lock.json', line = '{' },
}

local started = vim.loop.hrtime()
local failures = {}

local function out(...)
  local parts = {}
  for _, v in ipairs({ ... }) do table.insert(parts, tostring(v)) end
  io.stdout:write(string.format('[%5.2fs] ', (vim.loop.hrtime() - started) / 1e9) .. table.concat(parts, ' ') .. '\n')
  io.stdout:flush()
end

--- A named step: its failure is recorded and the run goes on with the next step.
local function step(name, fn)
  local ok, err = pcall(fn)
  if ok then
    out('ok   ' .. name)
  else
    out('FAIL ' .. name .. ': ' .. tostring(err))
    table.insert(failures, name)
  end
end

local function check(cond, message)
  if not cond then error(message, 2) end
end

local function wait_for(what, predicate)
  if not vim.wait(TIMEOUT, predicate, 20) then error('timed out after ' .. TIMEOUT .. ' ms waiting for ' .. what, 2) end
end

local function read_lines(file)
  local lines = {}
  for line in io.lines(file) do table.insert(lines, line) end
  return lines
end

--- Starts the server on `root`; returns the client id and a state table its handlers fill in.
local function start(root, name)
  local state = { counts = nil, log = {} }
  local id = vim.lsp.start_client({
    name = name,
    cmd = { 'node', SERVER, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = name } },
    handlers = {
      -- Sent once indexing is done (after the diagnostics of every document were published).
      ['governanceLens/blockersChanged'] = function(_, result) state.counts = result end,
      ['window/logMessage'] = function(_, result) table.insert(state.log, result.message) end,
    },
    on_exit = function(code, signal) state.exited = { code = code, signal = signal } end,
  })
  check(id, 'vim.lsp.start_client failed')
  return id, state
end

--- Opens root/relative in the current window and attaches the client to it.
local function open(client_id, root, relative)
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. relative))
  local bufnr = vim.api.nvim_get_current_buf()
  -- -u NONE: no filetype detection; the server reads any document, but say what it is.
  vim.bo[bufnr].filetype = relative:match('%.md$') and 'markdown' or 'json'
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed for ' .. relative)
  return bufnr
end

--- Puts the cursor `offset` characters into the first match of the literal `text` in the buffer.
local function cursor_on(text, offset)
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  local line = vim.fn.search('\\V' .. vim.fn.escape(text, '\\'), 'cW')
  check(line > 0, 'text not found in ' .. vim.api.nvim_buf_get_name(0) .. ': ' .. text)
  local col = vim.api.nvim_win_get_cursor(0)[2]
  vim.api.nvim_win_set_cursor(0, { line, col + offset })
end

local function request(client_id, bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  check(responses, method .. ' failed: ' .. tostring(err))
  local response = responses[client_id]
  check(response, method .. ': no response from the server')
  check(not response.err, method .. ' error: ' .. vim.inspect(response.err))
  return response.result
end

local function first_location(result)
  if result and result[1] then result = result[1] end -- Location | Location[] | LocationLink[]
  check(result and (result.uri or result.targetUri), 'no definition: ' .. vim.inspect(result))
  return result
end

local function location_line(location)
  local range = location.targetSelectionRange or location.range
  return vim.uri_to_fname(location.uri or location.targetUri), range.start.line
end

local function codes(diagnostics)
  local list = {}
  for _, d in ipairs(diagnostics) do table.insert(list, tostring(d.code)) end
  table.sort(list)
  return table.concat(list, ',')
end

local function stop_all()
  for _, c in ipairs(vim.lsp.get_active_clients()) do c.stop(true) end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
end

local function run()
  check(SERVER and GOOD and BROKEN, 'set GOVLENS_SERVER, GOVLENS_GOOD and GOVLENS_BROKEN (scripts/e2e/nvim.sh does)')
  check(vim.fn.filereadable(SERVER) == 1, SERVER .. ' is missing: run npm run build')
  out('nvim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) .. ', server ' .. SERVER)

  -- (a) The example KB: clean, hover card, go to definition -----------------------------------
  local good_id, good = start(GOOD, 'govlens-good')
  local note = open(good_id, GOOD, NOTE)

  step('good copy: the server indexes the workspace and reports 7 unresolved blockers', function()
    wait_for('governanceLens/blockersChanged', function() return good.counts ~= nil end)
    out('     blockersChanged ' .. vim.inspect(good.counts, { newline = ' ', indent = '' }))
    check(good.counts.unresolved == 7, 'expected 7 unresolved blockers, got ' .. vim.inspect(good.counts))
  end)

  step('good copy: no error diagnostics on the note', function()
    local errors = vim.diagnostic.get(note, { severity = vim.diagnostic.severity.ERROR })
    check(#errors == 0, 'unexpected errors: ' .. vim.inspect(errors))
  end)

  step('hover on ' .. BLOCKER .. ' in the note shows its blocker card', function()
    cursor_on('- ' .. BLOCKER .. ' (scope', 6)
    local hover = request(good_id, note, 'textDocument/hover', vim.lsp.util.make_position_params(0, 'utf-16'))
    check(hover and hover.contents, 'no hover')
    local text = type(hover.contents) == 'table' and (hover.contents.value or vim.inspect(hover.contents)) or tostring(hover.contents)
    out('     hover: ' .. text:gsub('\n.*', '') .. ' …')
    check(text:find('**' .. BLOCKER .. '**', 1, true), 'hover does not name the blocker: ' .. text)
    check(text:find('unresolved', 1, true), 'hover does not say unresolved: ' .. text)
    check(text:find('| Blocks | production |', 1, true), 'hover has no Blocks row: ' .. text)
  end)

  step('definition of ' .. BLOCKER .. ' jumps to its line in the blocker map', function()
    vim.api.nvim_set_current_buf(note)
    cursor_on('- ' .. BLOCKER .. ' (scope', 6)
    local location = first_location(request(good_id, note, 'textDocument/definition', vim.lsp.util.make_position_params(0, 'utf-16')))
    local file, line = location_line(location)
    out('     definition: ' .. file:sub(#GOOD + 2) .. ':' .. (line + 1))
    check(file == GOOD .. '/' .. MAP, 'definition is in ' .. file)
    -- Follow it as `gd` would, and read the line the cursor landed on.
    vim.lsp.util.jump_to_location(location, 'utf-16')
    check(vim.api.nvim_buf_get_name(0) == GOOD .. '/' .. MAP, 'the jump opened ' .. vim.api.nvim_buf_get_name(0))
    local current = vim.api.nvim_get_current_line()
    check(current:find('"id": "' .. BLOCKER .. '"', 1, true), 'the cursor is on ' .. current)
  end)

  step('definition of ' .. BLOCKER .. ' offers the cited surface after the blocker', function()
    vim.api.nvim_set_current_buf(note)
    cursor_on('- ' .. BLOCKER .. ' (scope', 6)
    local result = request(good_id, note, 'textDocument/definition', vim.lsp.util.make_position_params(0, 'utf-16'))
    check(#result == 2, 'expected the blocker and its evidence: ' .. vim.inspect(result))
    local file, line = location_line(result[2])
    check(file == GOOD .. '/' .. INVENTORY, 'the evidence is in ' .. file)
    check((read_lines(file)[line + 1] or ''):match('"n": 5[^%d]'), 'the evidence line is ' .. tostring(read_lines(file)[line + 1]))
  end)

  for _, blocker in ipairs(NOTE_EVIDENCE) do
    step('vim.lsp.buf.implementation() on ' .. blocker.id .. ' in the note lands on ' .. blocker.line .. ' in ' .. blocker.file:match('[^/]*$'), function()
      vim.api.nvim_set_current_buf(note)
      cursor_on('- ' .. blocker.id .. ' (', 4)
      -- As a user's mapping would: the handler jumps when there is one location.
      vim.lsp.buf.implementation()
      wait_for('the jump to ' .. blocker.file, function() return vim.api.nvim_buf_get_name(0) == GOOD .. '/' .. blocker.file end)
      local current = vim.trim(vim.api.nvim_get_current_line())
      out('     implementation: ' .. blocker.file:match('[^/]*$') .. ':' .. vim.api.nvim_win_get_cursor(0)[1] .. ': ' .. current)
      check(current == blocker.line, 'the cursor is on ' .. current)
    end)
  end

  step('definition of the evidence "mutation-inventory.json surface 5" jumps to "n": 5', function()
    local map = open(good_id, GOOD, MAP)
    cursor_on('mutation-inventory.json surface 5', 3)
    local location = first_location(request(good_id, map, 'textDocument/definition', vim.lsp.util.make_position_params(0, 'utf-16')))
    local file, line = location_line(location)
    check(file == GOOD .. '/' .. INVENTORY, 'definition is in ' .. file)
    local text = read_lines(file)[line + 1] or ''
    out('     definition: ' .. file:sub(#GOOD + 2) .. ':' .. (line + 1) .. ': ' .. vim.trim(text))
    check(text:match('"n": 5[^%d]'), 'the cited line is ' .. text)
  end)

  stop_all()

  -- (b) The broken copy: the expected diagnostics, pushed for opened and unopened documents ----
  local broken_id, broken = start(BROKEN, 'govlens-broken')
  local broken_note = open(broken_id, BROKEN, NOTE)
  local note_lines = read_lines(BROKEN .. '/' .. NOTE)

  step('broken copy: the note gets unknown-id and evidence-missing-file from govlens', function()
    wait_for('the note\'s diagnostics', function() return codes(vim.diagnostic.get(broken_note)) == 'evidence-missing-file,unknown-id' end)
    for _, d in ipairs(vim.diagnostic.get(broken_note)) do
      out(string.format('     %s:%d:%d %s %s: %s', 'note', d.lnum + 1, d.col + 1, d.source, d.code, d.message))
      check(d.source == 'govlens', 'source is ' .. tostring(d.source))
      check(d.severity == vim.diagnostic.severity.ERROR, d.code .. ' is not an error')
      local token = note_lines[d.lnum + 1]:sub(d.col + 1, d.end_col)
      if d.code == 'unknown-id' then
        check(token == 'FIX7-P0-PROD-CI-SCOPE-9', 'unknown-id covers ' .. token)
        check(d.message:find('FIX7-P0-PROD-CI-SCOPE-1', 1, true), 'no suggestion in: ' .. d.message)
      else
        check(token:find('production-readiness-blocker-mapp.json', 1, true), 'evidence-missing-file covers ' .. token)
      end
    end
  end)

  step('broken copy: the unopened blocker map gets evidence-missing-file too', function()
    local map_buf = vim.uri_to_bufnr(vim.uri_from_fname(BROKEN .. '/' .. MAP))
    wait_for('the map\'s diagnostics', function() return codes(vim.diagnostic.get(map_buf)) == 'evidence-missing-file' end)
    local d = vim.diagnostic.get(map_buf)[1]
    out(string.format('     map:%d:%d %s %s: %s', d.lnum + 1, d.col + 1, d.source, d.code, d.message))
    check(d.source == 'govlens', 'source is ' .. tostring(d.source))
    check(d.message:find('mutation-inventori.json', 1, true), 'message: ' .. d.message)
  end)

  step('broken copy: fixing the ID in the buffer clears unknown-id, breaking it again brings it back', function()
    vim.api.nvim_set_current_buf(broken_note)
    cursor_on('FIX7-P0-PROD-CI-SCOPE-9', 22)
    local row, col = unpack(vim.api.nvim_win_get_cursor(0))
    vim.api.nvim_buf_set_text(broken_note, row - 1, col, row - 1, col + 1, { '1' })
    wait_for('unknown-id to go', function() return codes(vim.diagnostic.get(broken_note)) == 'evidence-missing-file' end)
    vim.api.nvim_buf_set_text(broken_note, row - 1, col, row - 1, col + 1, { '9' })
    wait_for('unknown-id to come back', function() return codes(vim.diagnostic.get(broken_note)) == 'evidence-missing-file,unknown-id' end)
  end)

  if broken.exited then out('server exited: ' .. vim.inspect(broken.exited)) end
end

local ok, err = pcall(run)
if not ok then
  out('FAIL ' .. tostring(err))
  table.insert(failures, 'setup')
end
pcall(stop_all)
if #failures == 0 then
  out('NVIM LSP TEST PASS')
  vim.cmd('qall!')
else
  out('NVIM LSP TEST FAIL: ' .. table.concat(failures, '; '))
  vim.cmd('cquit! 1')
end
