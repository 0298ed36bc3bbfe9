-- The language server in Neovim (Debian's 0.7, headless): `node bin/policy-lsp.js --stdio` attached to a
-- draft; checks diagnostics, hover and completion as an LSP client other than VS Code sees them.
-- run: nvim --headless --clean -u NONE -c "luafile test/e2e/nvim.lua"   (test/e2e/nvim.sh does it)
local root = vim.fn.fnamemodify(vim.env.POLICY_LINT_ROOT or '.', ':p'):gsub('/$', '')
local dir = vim.fn.tempname()
vim.fn.mkdir(dir, 'p')
local path = dir .. '/sample.draft.md'
local lines = {
  '# 携手践行“上海精神”',
  '',
  '各成员国秉持“上海精神”，在二戰胜利成果的基础上，有助于提升提升区域经济韧性。',
  '',
  '携手构建人类命',
}
vim.fn.writefile(lines, path)

local passed, failed = 0, 0
local function out(s) io.stdout:write(s .. '\n') end
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then passed = passed + 1; out('ok    ' .. name)
  else failed = failed + 1; out('FAIL  ' .. name .. ': ' .. tostring(err)) end
end
local function finish()
  out(string.format('nvim: %d passed, %d failed', passed, failed))
  vim.fn.delete(dir, 'rf')
  if failed == 0 then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

vim.cmd('edit ' .. vim.fn.fnameescape(path))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'

--- LSP position (UTF-16 code units) of `needle` in line `lnum` (1-based), at its start + `plus` characters.
local function position(lnum, needle, plus)
  local text = lines[lnum]
  local byte = text:find(needle, 1, true)
  assert(byte, needle .. ' not on line ' .. lnum)
  local _, utf16 = vim.str_utfindex(text, byte - 1)
  local _, len16 = vim.str_utfindex(needle)
  return { line = lnum - 1, character = utf16 + (plus == 'end' and len16 or (plus or 0)) }
end

local client_id = vim.lsp.start_client({
  name = 'policy-lsp',
  cmd = { 'node', root .. '/bin/policy-lsp.js', '--stdio' },
  root_dir = dir,
  on_exit = function(code) if code ~= 0 then out('policy-lsp exited with code ' .. code) end end,
})
check('start the server', function()
  assert(client_id, 'start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'attach')
  assert(vim.wait(20000, function() local c = vim.lsp.get_client_by_id(client_id); return c and c.initialized end, 50), 'not initialized')
end)
local client = vim.lsp.get_client_by_id(client_id)
if not client then return finish() end

check('diagnostics: variant-char on 二戰, duplicate on 提升提升', function()
  local codes = {}
  local ok = vim.wait(30000, function()
    codes = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do codes[d.code] = d end
    return codes['variant-char'] ~= nil and codes['duplicate'] ~= nil
  end, 100)
  assert(ok, 'diagnostics: ' .. vim.inspect(vim.tbl_keys(codes)))
  local d = codes['variant-char']
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  assert(line:sub(d.col + 1, d.end_col) == '戰', 'range of variant-char: ' .. line:sub(d.col + 1, d.end_col))
  assert(d.source == 'policy-lint')
end)

local doc = { uri = vim.uri_from_bufnr(bufnr) }
check('hover on 上海精神 cites 尊重多样文明', function()
  local r = client.request_sync('textDocument/hover', { textDocument = doc, position = position(3, '上海精神', 1) }, 30000, bufnr)
  assert(r and r.result, 'no hover: ' .. vim.inspect(r and r.err))
  local value = r.result.contents.value or vim.inspect(r.result.contents)
  assert(value:find('尊重多样文明', 1, true), 'hover: ' .. value:sub(1, 200))
end)

check('completion after 携手构建人类命 offers 人类命运共同体', function()
  local r = client.request_sync('textDocument/completion', { textDocument = doc, position = position(5, '携手构建人类命', 'end') }, 30000, bufnr)
  assert(r and r.result, 'no completion: ' .. vim.inspect(r and r.err))
  local items = r.result.items or r.result
  local labels = {}
  for _, item in ipairs(items) do labels[#labels + 1] = item.label end
  assert(vim.tbl_contains(labels, '人类命运共同体'), 'labels: ' .. table.concat(labels, '、', 1, math.min(#labels, 10)))
  -- the edit replaces the typed prefix: applying it gives the whole term once
  for _, item in ipairs(items) do
    if item.label == '人类命运共同体' then
      vim.lsp.util.apply_text_edits({ item.textEdit }, bufnr, client.offset_encoding or 'utf-16')
    end
  end
  local line = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
  assert(line == '携手构建人类命运共同体', 'line after the completion edit: ' .. line)
end)

check('quick fix 二戰 → 二战', function()
  local d
  for _, x in ipairs(vim.diagnostic.get(bufnr)) do if x.code == 'variant-char' then d = x end end
  assert(d, 'no variant-char diagnostic')
  -- back to an LSP diagnostic (Neovim keeps byte columns; LSP wants UTF-16)
  local text = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  local _, c0 = vim.str_utfindex(text, d.col)
  local _, c1 = vim.str_utfindex(text, d.end_col)
  local range = { start = { line = d.lnum, character = c0 }, ['end'] = { line = d.end_lnum, character = c1 } }
  local lsp_diag = { range = range, message = d.message, code = d.code, source = d.source, severity = d.severity }
  local r = client.request_sync('textDocument/codeAction', { textDocument = doc, range = range, context = { diagnostics = { lsp_diag }, only = { 'quickfix' } } }, 30000, bufnr)
  assert(r and r.result and #r.result > 0, 'no code actions')
  local fix
  for _, a in ipairs(r.result) do if a.isPreferred and a.edit then fix = a end end
  assert(fix, 'no preferred fix among ' .. #r.result .. ' actions')
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
  local line = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]
  assert(line:find('二战胜利', 1, true) and not line:find('二戰', 1, true), 'line after the fix: ' .. line)
end)

check('shutdown', function()
  vim.lsp.stop_client(client_id)
  assert(vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50), 'server did not stop')
end)
finish()
