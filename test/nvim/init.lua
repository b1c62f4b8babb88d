-- Registry Lens in Neovim (0.7+, no plugins): attach the bundled language server to Python and
-- YAML buffers, one client per project root (the current directory when the buffer is opened).
--
--   REGISTRY_LENS_SERVER=/path/to/dist/server.js nvim -u test/nvim/init.lua
--
-- Without REGISTRY_LENS_SERVER the server is the dist/server.js of this repository (npm run build).
-- Neovim 0.7 has no vim.lsp.start (0.8+): vim.lsp.start_client + vim.lsp.buf_attach_client.
local this_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local server = os.getenv('REGISTRY_LENS_SERVER') or (vim.fn.fnamemodify(this_dir, ':h:h') .. '/dist/server.js')

vim.cmd('filetype on')

local clients = {} -- root directory -> client id

local function attach(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or vim.bo[bufnr].buftype ~= '' then return end -- files only
  local root = vim.fn.getcwd()
  local id = clients[root]
  if id == nil or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client({
      name = 'registry-lens',
      cmd = { 'node', '--max-semi-space-size=4', '--heap-growing-percent=30', '--initial-old-space-size=224', server, '--stdio' }, -- SERVER_NODE_ARGS (server/src/lsp/protocol.ts)
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
      settings = { registryLens = vim.empty_dict() }, -- answers workspace/configuration (defaults)
    })
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'python', 'yaml' },
  callback = function(args) attach(args.buf) end,
})

-- the usual mappings, for interactive use
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'python', 'yaml' },
  callback = function(args)
    local o = { buffer = args.buf }
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, o)
    vim.keymap.set('n', 'gd', vim.lsp.buf.definition, o)
    vim.keymap.set('n', 'gr', vim.lsp.buf.references, o)
  end,
})
