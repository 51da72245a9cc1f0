import { writeWorkbookTemplate } from '@jixiao/documents';
import { writeFileAtomic } from '../files.ts';
import { EXIT, type ExitCode, type Output } from '../io.ts';

export async function templateCommand(path: string, out: Output): Promise<ExitCode> {
  await writeFileAtomic(path, await writeWorkbookTemplate());
  out.stderr.write(`已生成空白自评工作簿：${path}\n`);
  return EXIT.ok;
}
