import { join } from 'node:path';
import { RE2JS, RE2Set } from 're2js';
const { loadExamples } = await import('/work/wt-rules/packages/cli/dist/index.js');
const D='/work/shared/datasets';
const corpus=[];
for (const [p,l] of [['benign_prompts/alpaca-eval-805/example/outputs.json', Infinity],['prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_test_balanced.csv', Infinity]]){ const {examples}=await loadExamples(join(D,p)); corpus.push(...examples.slice(0,l).map(e=>e.text)); }
const pats=['Bearer [A-Za-z0-9-._~+/]+','\\b\\d{3}-\\d{2}-\\d{4}\\b','[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}','sk-[A-Za-z0-9]{20,}','AKIA[0-9A-Z]{16}','ghp_[A-Za-z0-9]{36}','\\b(?:\\d[ -]?){13,16}\\b','password\\s*[:=]\\s*\\S+','(?i)ignore (all )?previous instructions','https?://[^\\s]+','\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b','xox[baprs]-[A-Za-z0-9-]+','-----BEGIN [A-Z ]*PRIVATE KEY-----','\\+?\\d{1,3}[ -]?\\(?\\d{3}\\)?[ -]?\\d{3}[ -]?\\d{4}','(?i)api[_-]?key\\s*[:=]','\\bIBAN\\b','(?i)\\bDAN\\b','eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+','(?i)jailbreak','\\$\\{[^}]*\\}'];
const res=pats.map(p=>RE2JS.compile(p));
const set=new RE2Set(); for(const p of pats) set.add(p); set.compile();
function bench(name,f){ for(const t of corpus) f(t); const s=performance.now(); let n=0; for(let r=0;r<3;r++) for(const t of corpus) n+=f(t); const dt=(performance.now()-s)/3; console.log(name, Math.round(corpus.length/(dt/1000)), n/3); }
bench('per-pattern find', t=>{let n=0; for(const r of res){ if(r.matcher(t).find()) n++; } return n;});
bench('set', t=>set.match(t).length);
bench('js regexps', (()=>{ const js=pats.map(p=>new RegExp(p.replace('(?i)',''),'u')); return t=>{let n=0; for(const r of js) if(r.test(t)) n++; return n;}})());
