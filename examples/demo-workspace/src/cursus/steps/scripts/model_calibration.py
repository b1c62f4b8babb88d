#!/usr/bin/env python
"""
Model Calibration script.

Runs inside the SageMaker container; paths follow the script contract.
"""

import argparse
import logging
import os
from pathlib import Path

import pandas as pd

logger = logging.getLogger(__name__)

INPUT_PATHS = {"evaluation_data": "/opt/ml/processing/input/evaluation_data"}
OUTPUT_PATHS = {"calibration_output": "/opt/ml/processing/output/calibration_output", "metrics_output": "/opt/ml/processing/output/metrics_output"}


def main(input_paths, output_paths, environ_vars, job_args):
    """Entry point: read inputs, transform, write outputs."""
    label_field = environ_vars["LABEL_FIELD"]
    frames = [pd.read_csv(p) for p in Path(input_paths["evaluation_data"]).glob("**/*.csv")]
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    logger.info("Loaded %d rows (label=%s, job_type=%s)", len(df), label_field, job_args.job_type)
    out_dir = Path(output_paths["calibration_output"])
    out_dir.mkdir(parents=True, exist_ok=True)
    df.to_csv(out_dir / f"{job_args.job_type}.csv", index=False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--job_type", type=str, default="training")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    main(INPUT_PATHS, OUTPUT_PATHS, dict(os.environ), args)
