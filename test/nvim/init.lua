-- Headless Neovim client for test/nvim/nvim.test.ts.
--
--   nvim --headless --clean -u test/nvim/init.lua FILE.md
--
-- Environment:
--   ONCOTERM_NODE     node executable (default: node)
--   ONCOTERM_SERVER   path to dist/server.js (required unless ONCOTERM_CMD is set)
--   ONCOTERM_CMD      the server command as a JSON array, e.g. ["node","dist/cli.js","lsp","--stdio"]
--                     (default: [ONCOTERM_NODE, ONCOTERM_SERVER, "--stdio"])
--   ONCOTERM_RESULT   where to write the JSON observations (required)
--   ONCOTERM_CAPABILITIES  JSON merged into vim.lsp.protocol.make_client_capabilities(), e.g.
--                     {"workspace":{"configuration":true}} to advertise what newer editors advertise
--   ONCOTERM_TERM     term whose diagnostic is fixed with the preferred quick fix (default: osteosarcoma)
--   ONCOTERM_WAIT_MS  timeout of each wait (default: 8000)
--
-- Starts the server on FileType markdown (vim.lsp.start on 0.8+, vim.lsp.start_client +
-- vim.lsp.buf_attach_client on 0.7), then: waits for diagnostics, hovers the term, requests code
-- actions for its diagnostic and applies the preferred one with vim.lsp.util.apply_workspace_edit,
-- waits for the diagnostic to go, applies source.fixAll.oncoterm, waits for no diagnostics, stops
-- the server. Every step is recorded in the result file; the TypeScript test makes the assertions.
-- Waits poll with vim.wait (never a fixed sleep). Neovim always quits, with the result written.

local node = os.getenv('ONCOTERM_NODE') or 'node'
local server = os.getenv('ONCOTERM_SERVER')
local result_path = os.getenv('ONCOTERM_RESULT')
local term = os.getenv('ONCOTERM_TERM') or 'osteosarcoma'
local wait_ms = tonumber(os.getenv('ONCOTERM_WAIT_MS') or '') or 8000

local started = (vim.uv or vim.loop).hrtime()
local result = { steps = {}, ms = {}, nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }
local published = {} -- uri -> the LSP diagnostics exactly as last published
local publish_count = 0

local function step(name, value)
  table.insert(result.steps, name)
  result.ms[name] = math.floor(((vim.uv or vim.loop).hrtime() - started) / 1e6)
  result[name] = value
end

local function write_result()
  result.messages = vim.fn.execute('messages')
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function env_json(name)
  local value = os.getenv(name)
  if value and value ~= '' then return vim.fn.json_decode(value) end
end

local capabilities = vim.lsp.protocol.make_client_capabilities()
if env_json('ONCOTERM_CAPABILITIES') then
  capabilities = vim.tbl_deep_extend('force', capabilities, env_json('ONCOTERM_CAPABILITIES'))
end

local config = {
  name = 'oncoterm',
  capabilities = capabilities,
  cmd = env_json('ONCOTERM_CMD') or { node, server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, cfg)
      if params then
        published[params.uri] = params.diagnostics
        publish_count = publish_count + 1
      end
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, params, ctx, cfg)
    end,
  },
  on_exit = function(code, signal)
    result.server_exit = { code = code, signal = signal }
  end,
}

local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    if vim.lsp.start then
      client_id = vim.lsp.start(config, { bufnr = args.buf })
      result.started_with = 'vim.lsp.start'
    else
      client_id = client_id or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, client_id)
      result.started_with = 'vim.lsp.start_client'
    end
  end,
})

-- Poll until predicate() is true; fail at once if the server exits (unless that is the wait).
local function wait(what, predicate, exit_expected)
  local ok = vim.wait(wait_ms, function()
    return predicate() or (not exit_expected and result.server_exit ~= nil)
  end, 20)
  if not exit_expected and result.server_exit and not predicate() then
    error(string.format('the server exited (code %s, signal %s) while waiting for %s',
      tostring(result.server_exit.code), tostring(result.server_exit.signal), what), 0)
  end
  if not ok then error('timed out after ' .. wait_ms .. ' ms waiting for ' .. what, 0) end
end

local function diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_col = d.end_col, code = code, source = d.source, message = d.message,
      severity = d.severity, text = line:sub(d.col + 1, d.end_col),
    })
  end
  table.sort(out, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return out
end

local function lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

-- The oncoterm client's response to a request (vim.lsp.buf_request, polled with vim.wait).
local function request(bufnr, method, params)
  local response
  vim.lsp.buf_request(bufnr, method, params, function(err, res, ctx)
    if ctx.client_id == client_id then response = { err = err, result = res } end
  end)
  wait('the response to ' .. method, function() return response ~= nil end)
  if response.err then error(method .. ': ' .. vim.inspect(response.err), 0) end
  return response.result
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  step('filetype', vim.bo[bufnr].filetype)
  if not client_id then error('the FileType markdown autocommand did not start a client', 0) end

  local client
  wait('the client to initialize', function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end)
  step('offset_encoding', client.offset_encoding)
  step('server_info', client.server_info or vim.NIL)

  -- 1. Diagnostics arrive.
  wait('diagnostics', function() return #vim.diagnostic.get(bufnr) > 0 end)
  step('diagnostics', diagnostics(bufnr))

  local target
  for _, d in ipairs(published[uri] or {}) do
    if d.code == 'undefined-term' and d.message:find("'" .. term .. "'", 1, true) then target = d end
  end
  if not target then error('no undefined-term diagnostic for ' .. term .. ' in ' .. vim.inspect(published[uri]), 0) end
  step('target', target)

  -- 2. Hover over the term, at the cursor, the way K does it.
  local mine
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.message:find("'" .. term .. "'", 1, true) then mine = d end
  end
  vim.api.nvim_win_set_cursor(0, { mine.lnum + 1, mine.col + 2 })
  local position = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local hover = request(bufnr, 'textDocument/hover', position)
  step('hover', hover or vim.NIL)

  -- 3. Code actions for the diagnostic; apply the preferred one.
  local before = lines(bufnr)
  local actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = target.range, context = { diagnostics = { target } },
  }) or {}
  local titles, preferred = {}, nil
  for _, action in ipairs(actions) do
    table.insert(titles, action.title)
    if action.isPreferred and not preferred then preferred = action end
  end
  step('action_titles', titles)
  if not preferred then error('no preferred code action among ' .. vim.inspect(titles), 0) end
  step('preferred', preferred)
  if not preferred.edit then error('the preferred action has no edit: ' .. vim.inspect(preferred), 0) end
  local count = publish_count
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  step('lines_before', before)
  step('lines_after_fix', lines(bufnr))

  -- 4. The diagnostic for the term goes; the others stay (so the server re-analysed the new text).
  local others = #vim.diagnostic.get(bufnr) - 1
  wait('the ' .. term .. ' diagnostic to clear', function()
    if publish_count == count then return false end
    local now = vim.diagnostic.get(bufnr)
    for _, d in ipairs(now) do
      if d.message:find("'" .. term .. "'", 1, true) then return false end
    end
    return #now == others
  end)
  step('diagnostics_after_fix', diagnostics(bufnr))

  -- 5. source.fixAll.oncoterm explains everything else; no diagnostics remain.
  local fix_all = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll.oncoterm' } },
  }) or {}
  step('fix_all_kinds', vim.tbl_map(function(a) return a.kind or vim.NIL end, fix_all))
  if #fix_all ~= 1 or not fix_all[1].edit then error('expected one source.fixAll.oncoterm action with an edit', 0) end
  count = publish_count
  vim.lsp.util.apply_workspace_edit(fix_all[1].edit, client.offset_encoding)
  step('lines_after_fix_all', lines(bufnr))
  wait('all diagnostics to clear', function()
    return publish_count > count and #vim.diagnostic.get(bufnr) == 0
  end)
  step('diagnostics_after_fix_all', diagnostics(bufnr))

  -- 6. Shut the server down (shutdown + exit) and wait for it to exit.
  vim.lsp.stop_client(client_id)
  wait('the server to exit', function() return result.server_exit ~= nil end, true)
  step('stopped', true)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, function(e)
        -- Errors raised by this file (level 0) carry no position: no traceback needed.
        return (type(e) == 'string' and not e:find('^[^\n]-:%d+:')) and e or debug.traceback(tostring(e), 2)
      end)
      result.ok = ok
      if not ok then result.error = tostring(err) end
      pcall(write_result)
      vim.cmd('qall!')
    end)
  end,
})
