/** Progress of one file's transfer, reported while it streams. */
export interface DownloadProgress {
  /** Path of the file inside its repo, e.g. `onnx/model.onnx`. */
  file: string;
  /** Bytes on disk so far, including bytes resumed from an earlier attempt. */
  bytesDone: number;
  /** Size of the file as the Hub announced it. */
  bytesTotal: number;
}

/** Receives {@link DownloadProgress} reports; it must not throw. */
export type ProgressCallback = (progress: DownloadProgress) => void;

/** Receives warnings meant for the user (unverified pins, stale cache used while offline…). */
export type WarningCallback = (message: string) => void;
