# Calm Line's hook for Windows softphones, in PowerShell (Windows PowerShell 5.1 or PowerShell 7).
#
#   powershell -NoProfile -ExecutionPolicy Bypass -File C:\calm-line\hooks\calm-line-hook.ps1 start --id X --from Y
#
# EVENT: start end hold resume mark. An option whose value is empty (an anonymous caller's number) is
# left out here, because Windows PowerShell 5.1 drops empty arguments on their way to a program. It runs
# Calm Line's bundled command, ..\out\cli\call.js beside this folder with node (or $env:CALM_LINE_NODE),
# else the installed app ("Calm Line.exe" --call). The data folder is found by the command itself; set
# CALM_LINE_DATA_DIR only if you moved it. Exit code: the command's (0 taken, 1 refused, 2 bad
# arguments, 3 Calm Line not running, 4 the call could not start).
$here = $PSScriptRoot
if ($args.Count -eq 0) {
  [Console]::Error.WriteLine('calm-line-hook: no event given: use start, end, hold, resume or mark')
  exit 2
}
$pass = New-Object System.Collections.Generic.List[string]
for ($i = 0; $i -lt $args.Count; $i++) {
  $arg = [string]$args[$i]
  if ($arg.StartsWith('--') -and -not $arg.Contains('=') -and $i + 1 -lt $args.Count) {
    $value = [string]$args[$i + 1]
    $i++
    if ($value.Trim() -ne '') { $pass.Add($arg); $pass.Add($value) }
  } elseif ($arg.StartsWith('--') -and -not $arg.Contains('=')) {
    # An option with its value missing altogether: the softphone had nothing to append.
  } else {
    $pass.Add($arg)
  }
}
$node = if ($env:CALM_LINE_NODE) { $env:CALM_LINE_NODE } else { 'node' }
$callJs = if ($env:CALM_LINE_CALL_JS) { $env:CALM_LINE_CALL_JS } else { Join-Path $here '..\out\cli\call.js' }
if (Test-Path -LiteralPath $callJs) {
  & $node $callJs @pass
  exit $LASTEXITCODE
}
$app = Join-Path $here '..\..\Calm Line.exe'
if (Test-Path -LiteralPath $app) {
  & $app --call @pass
  exit $LASTEXITCODE
}
[Console]::Error.WriteLine("calm-line-hook: Calm Line's call command was not found beside $here (set CALM_LINE_CALL_JS)")
exit 3
