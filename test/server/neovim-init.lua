-- Headless Neovim 0.7 as a real LSP client (test/server/neovim.test.ts): start the server on a file, wait for
-- its diagnostics, write what the editor received and what it holds to WSLINT_OUT as JSON, and quit.
local node, server, file, out = os.getenv("WSLINT_NODE"), os.getenv("WSLINT_SERVER"), os.getenv("WSLINT_FILE"), os.getenv("WSLINT_OUT")
local received = nil

local client_id = vim.lsp.start_client({
  name = "wslint",
  cmd = { node, server, "--stdio" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      -- Hand them to Neovim's own handler too, so vim.diagnostic holds them as it would for a user.
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if result and result.uri == vim.uri_from_fname(file) then received = result end
    end,
  },
})
if not client_id then
  io.stderr:write("vim.lsp.start_client failed\n")
  vim.cmd("cquit 2")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(30000, function() return received ~= nil end, 20) then
  io.stderr:write("no diagnostics from the server within 30 s\n")
  vim.cmd("cquit 3")
end

local held = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(held, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message, source = d.source })
end
local f = assert(io.open(out, "w"))
f:write(vim.fn.json_encode({ nvim = vim.version(), received = received, held = held }))
f:close()
vim.lsp.stop_client(client_id)
vim.cmd("qa!")
