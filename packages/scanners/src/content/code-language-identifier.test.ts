import { describe, expect, it } from 'vitest';
import { identifyCodeLanguageByRules, languageFromHint } from './code-language-identifier.js';
import { codeLanguageByName, resolveCodeLanguages } from './code-languages.js';

describe('code language identification', () => {
  it('names common languages from their signatures', () => {
    const cases: Array<[string, string]> = [
      ['def greet(name):\n    print(f"Hello {name}")\n    return None', 'Python'],
      ['const x = require("fs");\nconsole.log(x.readFileSync("a"));', 'JavaScript'],
      ['public class Main {\n  public static void main(String[] args) {\n    System.out.println("hi");\n  }\n}', 'Java'],
      ['#include <iostream>\nusing namespace std;\nint main() { cout << "hi"; }', 'C++'],
      ['#include <stdio.h>\nint main(void) { printf("hi"); return 0; }', 'C'],
      ['package main\nimport "fmt"\nfunc main() { fmt.Println("hi") }', 'Go'],
      ['<?php\n$name = "x";\necho "hi $name";', 'PHP'],
      ['fn main() {\n    let mut v: Vec<i32> = Vec::new();\n    println!("{:?}", v);\n}', 'Rust'],
      ['SELECT name, age FROM users WHERE age = 30 ORDER BY name;', 'SQL'],
      ['#!/bin/bash\nfor f in *.txt; do\n  wc -l "$f" | grep 10\ndone', 'Shell'],
      ['Get-ChildItem -Path C:\\ -Recurse | Where-Object { $_.Length -gt 1MB }', 'PowerShell'],
    ];
    for (const [code, language] of cases) expect(identifyCodeLanguageByRules(code)?.language, code).toBe(language);
  });

  it('returns undefined when nothing matches and bounds the confidence', () => {
    expect(identifyCodeLanguageByRules('hello world')).toBeUndefined();
    const guess = identifyCodeLanguageByRules('def f(self):\n    """doc"""\n    print(None)');
    expect(guess!.confidence).toBeGreaterThan(0.5);
    expect(guess!.confidence).toBeLessThanOrEqual(1);
  });

  it('maps names and fence info strings case-insensitively', () => {
    expect(codeLanguageByName('PY')?.name).toBe('Python');
    expect(codeLanguageByName('visual basic .net')?.name).toBe('Visual Basic .NET');
    expect(languageFromHint('cpp')).toEqual({ language: 'C++', confidence: 1 });
    expect(languageFromHint('text')).toBeUndefined();
    expect(resolveCodeLanguages('Code', ['python', 'C#'])).toEqual(['Python', 'C#']);
    expect(() => resolveCodeLanguages('Code', ['Klingon'])).toThrow(/unknown programming language "Klingon"/);
  });

  it('is linear on adversarial code', () => {
    for (const code of ['begin '.repeat(100_000), '\n'.repeat(1_000_000), 'SELECT '.repeat(100_000), `${' '.repeat(500_000)}def`]) {
      expect(() => identifyCodeLanguageByRules(code)).not.toThrow();
    }
  });
});
