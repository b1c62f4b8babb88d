-- The Neovim checks (run by test/nvim/run.mjs after init.lua): diagnostics of the example
-- workspace (EXPECTED.json, files never opened included), hover, definition, a conflict typed and
-- undone, and a YAML registry. Writes one "PASS name" / "FAIL name: why" line per check to
-- $RL_RESULT, then quits. Every wait polls (vim.wait), nothing sleeps a fixed time.
local demo = os.getenv('RL_DEMO')
local yaml_root = os.getenv('RL_YAML_ROOT')
local out = {}
local function log(s) table.insert(out, s) end
local function one_line(v) return vim.inspect(v, { newline = ' ', indent = '' }) end

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then log('PASS ' .. name) else log('FAIL ' .. name .. ': ' .. tostring(err):gsub('\n', ' ')) end
  return ok
end

local function finish()
  local ids = {}
  for _, c in ipairs(vim.lsp.get_active_clients()) do table.insert(ids, c.id); c.stop() end
  vim.wait(5000, function()
    for _, id in ipairs(ids) do if not vim.lsp.client_is_stopped(id) then return false end end
    return true
  end, 50)
  vim.fn.writefile(out, os.getenv('RL_RESULT'))
  vim.cmd('qa!')
end

local function wait(what, ms, cond)
  if not vim.wait(ms, cond, 50) then error('timed out after ' .. ms .. ' ms waiting for ' .. what, 2) end
end

local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local function bufnr_of(path) return vim.uri_to_bufnr(vim.uri_from_fname(path)) end
local SEVERITY = { error = 1, warning = 2, information = 3, hint = 4 }

local function request(bufnr, method, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not res then error(method .. ': ' .. tostring(err)) end
  for _, r in pairs(res) do
    if r.error then error(method .. ': ' .. one_line(r.error)) end
    if r.result then return r.result end
  end
  return nil
end

local function line_of(path, pattern)
  for i, l in ipairs(vim.fn.readfile(path)) do if l:find(pattern) then return i - 1 end end
  error(pattern .. ' not in ' .. path)
end

local WS = demo .. '/developer_workspaces/developers/'
local ALICE = WS .. 'alice_ml/src/cursus_dev/registry/workspace_registry.py'
local BOB = WS .. 'bob_nlp/src/cursus_dev/registry/workspace_registry.py'
local CAROL = WS .. 'carol_vision/src/cursus_dev/registry/workspace_registry.py'
local BUILDER = WS .. 'alice_ml/src/cursus_dev/steps/builders/builder_enhanced_xgboost_training_step.py'

vim.cmd('cd ' .. vim.fn.fnameescape(demo))
vim.cmd('edit ' .. vim.fn.fnameescape(ALICE))
local alice = vim.api.nvim_get_current_buf()

local attached = check('the server attaches to a Python buffer', function()
  wait('an attached client', 10000, function() return #vim.lsp.buf_get_clients(alice) > 0 end)
  local client = vim.lsp.buf_get_clients(alice)[next(vim.lsp.buf_get_clients(alice))]
  wait('initialize', 10000, function() return client.initialized end)
  assert(client.server_capabilities.hoverProvider, 'no hoverProvider')
  assert(client.server_capabilities.definitionProvider, 'no definitionProvider')
end)
if not attached then return finish() end -- the rest would only time out

check('diagnostics: every seeded problem of EXPECTED.json, files never opened included', function()
  local expected = vim.json.decode(table.concat(vim.fn.readfile(demo .. '/EXPECTED.json'), '\n'))
  local function missing()
    local m = {}
    for _, e in ipairs(expected) do
      local found = false
      for _, d in ipairs(vim.diagnostic.get(bufnr_of(demo .. '/' .. e.file))) do
        if code_of(d) == e.code and d.lnum == e.line and d.col == e.character and d.severity == SEVERITY[e.severity] then found = true end
      end
      if not found then table.insert(m, e.code .. ' ' .. e.file .. ':' .. e.line .. ':' .. e.character) end
    end
    return m
  end
  wait('the expected diagnostics', 60000, function() return #missing() == 0 end)
  assert(not vim.api.nvim_buf_is_loaded(bufnr_of(BOB)), "bob_nlp's registry was never opened, yet it is loaded")
end)

check('hover on a workspace step says where it resolved from', function()
  local line = line_of(ALICE, '^    "XGBoostTraining": {')
  local h = request(alice, 'textDocument/hover', line, 8)
  assert(h and h.contents, 'no hover')
  local text = type(h.contents) == 'table' and (h.contents.value or one_line(h.contents)) or h.contents
  assert(text:find('override:alice_ml', 1, true), text)
  assert(text:find('resolved in context', 1, true), text)
end)

check('definition of a builder_step_name jumps to the builder class', function()
  local line = line_of(ALICE, '"builder_step_name": "EnhancedXGBoostTrainingStepBuilder"')
  local r = request(alice, 'textDocument/definition', line, 35)
  assert(r, 'no definition')
  local loc = r.uri and r or r[1]
  assert(loc, 'empty definition')
  vim.lsp.util.jump_to_location(loc, 'utf-16')
  assert(vim.api.nvim_buf_get_name(0) == BUILDER, 'landed in ' .. vim.api.nvim_buf_get_name(0))
  local text = vim.api.nvim_get_current_line()
  assert(text:find('^class EnhancedXGBoostTrainingStepBuilder'), 'cursor line: ' .. text)
  vim.cmd('buffer ' .. alice)
end)

check('a conflicting local step typed in one workspace is reported in both, undo removes it', function()
  vim.cmd('edit ' .. vim.fn.fnameescape(CAROL))
  local carol = vim.api.nvim_get_current_buf()
  wait('the client on the buffer', 10000, function() return #vim.lsp.buf_get_clients(carol) > 0 end)
  local function conflicts(buf)
    local n = 0
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == 'RL002' and d.message:find("'SentenceEmbedding'", 1, true) then n = n + 1 end
    end
    return n
  end
  assert(conflicts(carol) == 0 and conflicts(bufnr_of(BOB)) == 0, 'conflict before the edit')
  local line = line_of(CAROL, '^LOCAL_STEPS = {')
  -- an undoable change, as typing it would be
  vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
  vim.cmd('normal! o    "SentenceEmbedding": {"sagemaker_step_type": "Processing", "description": "copy"},')
  local t0 = vim.loop.hrtime()
  wait('RL002 in carol_vision and bob_nlp', 10000, function() return conflicts(carol) == 1 and conflicts(bufnr_of(BOB)) == 1 end)
  log(string.format('INFO conflict reported after %d ms', (vim.loop.hrtime() - t0) / 1e6))
  vim.cmd('undo')
  assert(not vim.bo[carol].modified, 'still modified after undo')
  wait('RL002 to disappear', 10000, function() return conflicts(carol) == 0 and conflicts(bufnr_of(BOB)) == 0 end)
end)

check('a YAML registry buffer gets its own client, diagnostics, hover and definition', function()
  vim.cmd('cd ' .. vim.fn.fnameescape(yaml_root))
  local file = yaml_root .. '/src/cursus/registry/step_names.yaml'
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.bo[buf].filetype == 'yaml', 'filetype ' .. vim.bo[buf].filetype)
  wait('a client on the YAML buffer', 10000, function() return #vim.lsp.buf_get_clients(buf) > 0 end)
  local typo = line_of(file, 'builder_stepname:')
  wait('RL016 on builder_stepname', 30000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == 'RL016' and d.lnum == typo and d.col == 4 then return true end
    end
    return false
  end)
  local h = request(buf, 'textDocument/hover', line_of(file, '^  TabularPreprocessing:'), 4)
  local text = h and h.contents and (h.contents.value or one_line(h.contents)) or ''
  assert(text:find('TabularPreprocessing', 1, true) and text:find('core', 1, true), 'hover: ' .. text)
  local r = request(buf, 'textDocument/definition', line_of(file, 'builder_step_name: TabularPreprocessingStepBuilder'), 25)
  local loc = r and (r.uri and r or r[1])
  assert(loc and (loc.uri or loc.targetUri):find('builder_tabular_preprocessing_step.py', 1, true), 'definition: ' .. one_line(r))
end)

finish()
